package agora.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProductRulesTest {

    @Test
    void currenciesMustBeRealIso4217Codes() {
        assertThat(ProductRules.currency("EUR")).isEmpty();
        assertThat(ProductRules.currency("JPY")).isEmpty();
        assertThat(ProductRules.currency("EURO")).isNotEmpty();
        assertThat(ProductRules.currency("usd")).isNotEmpty();
        assertThat(ProductRules.currency("QQQ")).containsExactly("is not a known ISO-4217 currency");
        assertThat(ProductRules.currency("XAU")).containsExactly("is not a known ISO-4217 currency");
        assertThat(ProductRules.currency(null)).isNotEmpty();
    }

    @Test
    void aChangeChecksOnlyTheFieldsItNames() {
        var change = new ProductDraft(null, null, null, null, 5L, null, null, null);
        assertThat(ProductRules.problems(change, false)).isEmpty();
        assertThat(ProductRules.problems(change, true)).containsOnlyKeys("title", "price.amount", "price.currency");
    }

    @Test
    void tagsAreNormalizedAndDeduplicated() {
        assertThat(ProductRules.normalizeTags(List.of(" Wood ", "wood", "Kitchen"))).containsExactly("wood", "kitchen");
        assertThat(ProductRules.tags(List.of("ok", "<script>"))).hasSize(1);
    }

    @Test
    void imagesAreUrlsOrUploadedPhotosEachOnceAndAtMostEightPhotos() {
        assertThat(ProductRules.images(List.of("https://img.example.com/a.png", "img_abc"))).isEmpty();
        assertThat(ProductRules.images(List.of("img_abc", "img_abc"))).containsExactly("each uploaded photo at most once");
        assertThat(ProductRules.images(List.of("/images/a.png"))).hasSize(1);
        var nine = java.util.stream.IntStream.range(0, 9).mapToObj(i -> "img_" + i).toList();
        assertThat(ProductRules.images(nine)).containsExactly("at most 8 uploaded photos");
    }
}
