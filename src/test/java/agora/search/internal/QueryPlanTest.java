package agora.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryPlanTest {

    @Test
    void allowsNoTypoUpToFourLettersOneUpToEightTwoBeyond() {
        assertThat(QueryPlan.typos(1)).isZero();
        assertThat(QueryPlan.typos(4)).isZero();
        assertThat(QueryPlan.typos(5)).isEqualTo(1);
        assertThat(QueryPlan.typos(8)).isEqualTo(1);
        assertThat(QueryPlan.typos(9)).isEqualTo(2);
        assertThat(QueryPlan.typos(30)).isEqualTo(2);
    }

    @Test
    void countsTheTypedLengthNotTheStem() {
        var plan = QueryPlan.of("Running");
        assertThat(plan.words()).singleElement().satisfies(word -> {
            assertThat(word.stem()).isEqualTo("run");
            assertThat(word.typedLength()).isEqualTo(7);
        });
    }

    @Test
    void dropsStopWordsAndPunctuationButKeepsPhrasePositions() {
        var plan = QueryPlan.of("The board, for: (cutting)!");
        assertThat(plan.words()).extracting(QueryPlan.Word::stem).containsExactly("board", "cut");
        assertThat(plan.words()).extracting(QueryPlan.Word::position).containsExactly(1, 3);
        assertThat(plan.phrase()).isPresent();
    }

    @Test
    void queryOperatorsAreOnlyWords() {
        // "and"/"or" are stop words; "title:x" stays one word (Unicode word rules), a field name it is not
        assertThat(QueryPlan.of("title:x AND (y OR z*) ~2").words()).extracting(QueryPlan.Word::stem)
                .containsExactly("title:x", "y", "z", "2");
        assertThat(QueryPlan.of("*?:\\\"()[]{}^~!+-&|/").isEmpty()).isTrue();
    }

    @Test
    void boundsTheNumberOfWords() {
        var words = new StringBuilder();
        for (var i = 0; i < 40; i++) {
            words.append("word").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
        }
        assertThat(QueryPlan.of(words.toString()).words()).hasSize(QueryPlan.MAX_WORDS);
    }
}
