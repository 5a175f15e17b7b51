package agora.orders.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a buyer sends to check out their cart: a payment method token from the provider (never a card
 * number) and where to ship. {@link #problems()} answers every problem by field.
 */
public record CheckoutRequest(String paymentMethod, ShippingAddress shippingAddress) {

    private static final Pattern PAYMENT_METHOD = Pattern.compile("pm_[A-Za-z0-9_]{1,96}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public Map<String, List<String>> problems() {
        var errors = new LinkedHashMap<String, List<String>>();
        if (paymentMethod == null || !PAYMENT_METHOD.matcher(paymentMethod).matches()) {
            errors.put("paymentMethod", List.of("must be a payment method token such as pm_card_visa"));
        }
        if (shippingAddress == null) {
            errors.put("shippingAddress", List.of("is required"));
            return errors;
        }
        var a = shippingAddress;
        required(errors, "shippingAddress.name", a.name(), 200);
        required(errors, "shippingAddress.line1", a.line1(), 200);
        if (a.line2() != null && a.line2().length() > 200) {
            errors.put("shippingAddress.line2", List.of("is too long (maximum is 200 characters)"));
        }
        required(errors, "shippingAddress.city", a.city(), 100);
        required(errors, "shippingAddress.postalCode", a.postalCode(), 20);
        if (a.country() == null || !COUNTRIES.contains(a.country())) {
            errors.put("shippingAddress.country", List.of("must be an ISO 3166-1 alpha-2 code such as DE"));
        }
        return errors;
    }

    /** The address with surrounding blanks removed and an empty second line dropped. */
    ShippingAddress normalizedAddress() {
        var a = shippingAddress;
        var line2 = a.line2() == null || a.line2().isBlank() ? null : a.line2().strip();
        return new ShippingAddress(a.name().strip(), a.line1().strip(), line2, a.city().strip(),
                a.postalCode().strip(), a.country());
    }

    private static void required(Map<String, List<String>> errors, String field, String value, int max) {
        var problems = new ArrayList<String>();
        if (value == null || value.isBlank()) {
            problems.add("can't be blank");
        } else if (value.strip().length() > max) {
            problems.add("is too long (maximum is " + max + " characters)");
        }
        if (!problems.isEmpty()) {
            errors.put(field, problems);
        }
    }
}
