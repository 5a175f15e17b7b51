package agora.social.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void makesReadableSlugs() {
        assertThat(Slugs.base("How to train your Dragon!")).isEqualTo("how-to-train-your-dragon");
        assertThat(Slugs.base("  Crème brûlée -- à la carte  ")).isEqualTo("creme-brulee-a-la-carte");
        assertThat(Slugs.base("日本語")).isEqualTo("post");
        assertThat(Slugs.base("Feed")).isEqualTo("feed-post");
        assertThat(Slugs.base("x".repeat(150) + " y")).hasSize(Slugs.MAX_BASE);
        assertThat(Slugs.base("a".repeat(99) + " b")).isEqualTo("a".repeat(99));
    }

    @Test
    void numbersTakenSlugs() {
        assertThat(Slugs.candidates("dragon", 3)).containsExactly("dragon", "dragon-2", "dragon-3");
    }
}
