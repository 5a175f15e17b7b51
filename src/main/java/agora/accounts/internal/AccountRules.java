package agora.accounts.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What usernames, emails, bios and image URLs must look like. Pure functions; each answers its problems. */
public final class AccountRules {

    public static final int MAX_USERNAME = 40;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_BIO = 1000;
    public static final int MAX_IMAGE = 2048;

    /** Deleted accounts are renamed to this prefix plus a random suffix; nobody else may take such a name. */
    public static final String DELETED_USERNAME_PREFIX = "deleted-user-";

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private AccountRules() {
    }

    public static List<String> username(String username) {
        var problems = new ArrayList<String>();
        if (username == null || username.isBlank()) {
            problems.add("can't be blank");
        } else if (username.length() > MAX_USERNAME) {
            problems.add("is too long (maximum is " + MAX_USERNAME + " characters)");
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add("may only contain letters, digits, '_', '.' and '-'");
        } else if (key(username).startsWith(DELETED_USERNAME_PREFIX)) {
            problems.add("is reserved");
        }
        return problems;
    }

    public static List<String> email(String email) {
        var problems = new ArrayList<String>();
        if (email == null || email.isBlank()) {
            problems.add("can't be blank");
        } else if (email.length() > MAX_EMAIL) {
            problems.add("is too long (maximum is " + MAX_EMAIL + " characters)");
        } else if (!EMAIL.matcher(email).matches()) {
            problems.add("is invalid");
        }
        return problems;
    }

    public static List<String> bio(String bio) {
        return bio != null && bio.length() > MAX_BIO
                ? List.of("is too long (maximum is " + MAX_BIO + " characters)") : List.of();
    }

    public static List<String> image(String image) {
        if (image == null || image.isEmpty()) {
            return List.of();
        }
        if (image.length() > MAX_IMAGE) {
            return List.of("is too long (maximum is " + MAX_IMAGE + " characters)");
        }
        try {
            var uri = new URI(image);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return List.of();
            }
        } catch (java.net.URISyntaxException e) {
            // fall through: not a URL
        }
        return List.of("must be an http(s) URL");
    }

    /** An uploaded image's id ({@code img_…}, which no URL starts with), as sent to make it the avatar. */
    public static boolean isUpload(String image) {
        return image.startsWith("img_");
    }

    /** Uniqueness and lookups ignore case, so "Alice" and "alice" are one user and one email. */
    public static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
