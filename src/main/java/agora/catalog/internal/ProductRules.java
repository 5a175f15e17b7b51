package agora.catalog.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** What a product must look like. Pure functions; {@link #problems} answers every problem by field. */
public final class ProductRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 5000;
    public static final long MAX_PRICE = 1_000_000_000_000L;
    public static final long MAX_STOCK = 1_000_000;
    public static final int MAX_TAGS = 10;
    public static final int MAX_TAG = 30;
    public static final int MAX_IMAGES = 10;
    public static final int MAX_PHOTOS = 8;
    public static final int MAX_IMAGE_URL = 2048;

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.+#-]*");

    private ProductRules() {
    }

    /** Problems of a draft; {@code creating} demands every required field. */
    public static Map<String, List<String>> problems(ProductDraft draft, boolean creating) {
        var errors = new LinkedHashMap<String, List<String>>();
        if (creating || draft.title() != null) {
            add(errors, "title", title(draft.title()));
        }
        if (draft.description() != null && draft.description().length() > MAX_DESCRIPTION) {
            add(errors, "description", List.of("is too long (maximum is " + MAX_DESCRIPTION + " characters)"));
        }
        if (creating || draft.priceAmount() != null) {
            add(errors, "price.amount", priceAmount(draft.priceAmount()));
        }
        if (creating || draft.currency() != null) {
            add(errors, "price.currency", currency(draft.currency()));
        }
        if (creating || draft.stock() != null) {
            add(errors, "stock", stock(draft.stock()));
        }
        if (draft.lowStockThreshold() != null) {
            add(errors, "lowStockThreshold", stock(draft.lowStockThreshold()));
        }
        if (draft.tags() != null) {
            add(errors, "tags", tags(draft.tags()));
        }
        if (draft.images() != null) {
            add(errors, "images", images(draft.images()));
        }
        return errors;
    }

    static List<String> title(String title) {
        if (title == null || title.isBlank()) {
            return List.of("can't be blank");
        }
        return title.strip().length() > MAX_TITLE ? List.of("is too long (maximum is " + MAX_TITLE + " characters)")
                : List.of();
    }

    static List<String> priceAmount(Long amount) {
        if (amount == null) {
            return List.of("is required (in minor units, e.g. cents)");
        }
        if (amount < 1 || amount > MAX_PRICE) {
            return List.of("must be between 1 and " + MAX_PRICE + " minor units");
        }
        return List.of();
    }

    /** An ISO-4217 code of a real currency (not gold, test or fund codes, which have no minor units). */
    public static List<String> currency(String code) {
        if (code == null || code.isBlank()) {
            return List.of("is required (an ISO-4217 code such as EUR)");
        }
        if (!CURRENCY.matcher(code).matches()) {
            return List.of("must be an ISO-4217 code of three capital letters, such as EUR");
        }
        try {
            if (Currency.getInstance(code).getDefaultFractionDigits() >= 0) {
                return List.of();
            }
        } catch (IllegalArgumentException e) {
            // not an ISO-4217 code
        }
        return List.of("is not a known ISO-4217 currency");
    }

    static List<String> stock(Long stock) {
        if (stock == null) {
            return List.of("is required");
        }
        return stock < 0 || stock > MAX_STOCK ? List.of("must be between 0 and " + MAX_STOCK) : List.of();
    }

    static List<String> tags(List<String> tags) {
        var problems = new ArrayList<String>();
        if (tags.size() > MAX_TAGS) {
            problems.add("at most " + MAX_TAGS + " tags");
        }
        for (var tag : tags) {
            if (tag == null || !TAG.matcher(tag.strip()).matches()) {
                problems.add("'" + tag + "' is not a tag: letters, digits, spaces and _.+#- only");
            } else if (tag.strip().length() > MAX_TAG) {
                problems.add("'" + tag + "' is too long (maximum is " + MAX_TAG + " characters)");
            }
        }
        return problems;
    }

    /** Each image is an http(s) URL or the id of an uploaded photo; whose photo it is, media checks. */
    static List<String> images(List<String> images) {
        var problems = new ArrayList<String>();
        if (images.size() > MAX_IMAGES) {
            problems.add("at most " + MAX_IMAGES + " images");
        }
        var photos = images.stream().filter(ProductImage::isImageId).toList();
        if (photos.size() > MAX_PHOTOS) {
            problems.add("at most " + MAX_PHOTOS + " uploaded photos");
        }
        if (photos.stream().distinct().count() < photos.size()) {
            problems.add("each uploaded photo at most once");
        }
        if (images.stream().anyMatch(image -> !ProductImage.isImageId(image) && !isHttpUrl(image))) {
            problems.add("each image must be an uploaded image id (img_…) or an http(s) URL of at most "
                    + MAX_IMAGE_URL + " characters");
        }
        return problems;
    }

    /** Tags are compared ignoring case and surrounding blanks; duplicates are dropped, order kept. */
    public static List<String> normalizeTags(List<String> tags) {
        var unique = new LinkedHashSet<String>();
        tags.forEach(tag -> unique.add(tag.strip().toLowerCase(Locale.ROOT)));
        return List.copyOf(unique);
    }

    private static boolean isHttpUrl(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_IMAGE_URL) {
            return false;
        }
        try {
            var uri = new URI(value);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void add(Map<String, List<String>> errors, String field, List<String> problems) {
        if (!problems.isEmpty()) {
            errors.put(field, problems);
        }
    }
}
