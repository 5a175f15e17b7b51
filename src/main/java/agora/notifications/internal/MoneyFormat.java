package agora.notifications.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts in emails: minor units shown with the currency's own number of decimals (JPY none, EUR two, KWD
 * three), grouped by commas with a decimal point, and the ISO-4217 code ({@code 1,234.50 EUR}, {@code 3,000 JPY}).
 * The same on every server, whatever its default locale; the code is unambiguous where a symbol ($) is not.
 */
final class MoneyFormat {

    private MoneyFormat() {
    }

    static String format(long minorUnits, String currencyCode) {
        var digits = Currency.getInstance(currencyCode).getDefaultFractionDigits();
        return String.format(Locale.ROOT, "%,." + digits + "f %s", BigDecimal.valueOf(minorUnits, digits), currencyCode);
    }
}
