package agora.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndexLayoutTest {

    @Test
    void aNodeReadsOnlyIndexesOfItsOwnLayout() {
        assertThat(SearchIndex.sameLayout("v" + IndexSchema.VERSION + ";posts:1,products:2")).isTrue();
        assertThat(SearchIndex.sameLayout("v" + (IndexSchema.VERSION - 1) + ";posts:1,products:2")).isFalse();
        assertThat(SearchIndex.sameLayout("v" + IndexSchema.VERSION + "1;posts:1")).isFalse();
        assertThat(SearchIndex.sameLayout(null)).isFalse();
    }
}
