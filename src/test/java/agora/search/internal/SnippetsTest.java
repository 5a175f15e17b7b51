package agora.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void keepsShortSnippetsAsTheyAre() {
        assertThat(Snippets.shorten("a <mark>b</mark> c")).isEqualTo("a <mark>b</mark> c");
    }

    @Test
    void cutsLongSnippetsAtSpacesAroundTheFirstMark() {
        var before = "lorem ipsum dolor &amp; sit amet ".repeat(10);
        var after = " consectetur adipiscing elit &lt;b&gt; sed do ".repeat(10);
        var snippet = Snippets.shorten(before + "<mark>walnut cutting board</mark>" + after);
        assertThat(snippet.length()).isLessThanOrEqualTo(Snippets.MAX_LENGTH + 2);
        assertThat(snippet).startsWith("…").endsWith("…").contains("<mark>walnut cutting board</mark>");
        assertThat(snippet.indexOf("<mark>")).isLessThan(80);
        // no entity is cut: every & starts a whole entity
        assertThat(snippet.replaceAll("&(amp|lt|gt);", "")).doesNotContain("&");
    }

    @Test
    void closesAMarkThatTheCutLeftOpen() {
        var snippet = Snippets.shorten("<mark>" + "word ".repeat(100) + "</mark>");
        assertThat(snippet).startsWith("<mark>").endsWith("</mark>…");
    }
}
