package agora.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class MoneyFormatTest {

    @Test
    void showsTheCurrencysOwnNumberOfDecimals() {
        assertThat(MoneyFormat.format(1250, "EUR")).isEqualTo("12.50 EUR");
        assertThat(MoneyFormat.format(5, "USD")).isEqualTo("0.05 USD");
        assertThat(MoneyFormat.format(1500, "JPY")).isEqualTo("1,500 JPY");
        assertThat(MoneyFormat.format(1234567, "KWD")).isEqualTo("1,234.567 KWD");
        assertThat(MoneyFormat.format(0, "GBP")).isEqualTo("0.00 GBP");
    }

    @Test
    void isExactForTheLargestAmounts() {
        assertThat(MoneyFormat.format(100_000_000_000_001L, "EUR")).isEqualTo("1,000,000,000,000.01 EUR");
    }

    @Test
    void doesNotDependOnTheServersLocale() {
        var before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(MoneyFormat.format(123456, "EUR")).isEqualTo("1,234.56 EUR");
            Locale.setDefault(Locale.forLanguageTag("hi-IN-u-nu-deva"));
            assertThat(MoneyFormat.format(123456, "EUR")).isEqualTo("1,234.56 EUR");
        } finally {
            Locale.setDefault(before);
        }
    }
}
