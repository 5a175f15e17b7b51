package agora.social.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class MentionRulesTest {

    @Test
    void findsDistinctUsernamesAfterAnAt() {
        assertThat(MentionRules.usernames("hi @bob, @Alice_1 and @BOB. Also @carol.d!")).containsExactly("bob", "Alice_1",
                "carol.d");
    }

    @Test
    void emailAddressesAndLoneAtsMentionNobody() {
        assertThat(MentionRules.usernames("mail bob@example.com or @ or @@x or a@b")).isEmpty();
        assertThat(MentionRules.usernames(null)).isEmpty();
    }

    @Test
    void keepsTheFirstTen() {
        var text = IntStream.range(0, 12).mapToObj(i -> "@u" + i).collect(Collectors.joining(" "));
        assertThat(MentionRules.usernames(text)).hasSize(10).startsWith("u0").endsWith("u9");
    }
}
