package agora.accounts.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be: 8 to 128 characters and not one of the most common passwords (NIST SP 800-63B:
 * length and a blocklist, no composition rules).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;
    static final int COMMON_PASSWORDS = 1000;

    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        this.common = common;
    }

    /** The 1,000 most common passwords, from nbvcxz's frequency-ranked list. */
    public static PasswordPolicy withCommonPasswords() {
        var resource = PasswordPolicy.class.getClassLoader().getResourceAsStream("dictionaries/passwords.txt");
        if (resource == null) {
            throw new IllegalStateException("dictionaries/passwords.txt (nbvcxz) is missing from the classpath");
        }
        try (var reader = new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8))) {
            return new PasswordPolicy(reader.lines().limit(COMMON_PASSWORDS)
                    .map(p -> p.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every reason the password is unacceptable; empty when it is fine. */
    public List<String> problems(String password) {
        var problems = new ArrayList<String>();
        if (password == null || password.isEmpty()) {
            problems.add("can't be blank");
            return problems;
        }
        var length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("is too short (minimum is " + MIN_LENGTH + " characters)");
        }
        if (length > MAX_LENGTH) {
            problems.add("is too long (maximum is " + MAX_LENGTH + " characters)");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            problems.add("is one of the most common passwords; choose another");
        }
        return problems;
    }
}
