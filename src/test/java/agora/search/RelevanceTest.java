package agora.search;

import static agora.search.SearchTesting.await;
import static agora.search.SearchTesting.ids;
import static agora.search.SearchTesting.search;
import static agora.search.internal.FixtureCorpus.post;
import static agora.search.internal.FixtureCorpus.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import agora.search.internal.ChangeLog;
import agora.search.internal.FixtureCorpus;
import agora.test.AgoraTest;

/**
 * Ranking, typo tolerance, filters, facets and sorts on a small fixed corpus (every document is tagged
 * "relcorpus", and every query filters on that tag, so content of other tests never interferes).
 */
@AgoraTest
@Import(FixtureCorpus.Sources.class)
class RelevanceTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String TAG = "relcorpus";
    private static volatile boolean published;

    @Autowired
    MockMvc mvc;

    @Autowired
    ChangeLog changes;

    @BeforeEach
    void publishCorpus() throws Exception {
        if (published) {
            return;
        }
        SearchTesting.publish(changes,
                // exact phrase in the title / phrase in the body / scattered / typos only
                product(101, "Walnut cutting board", "Hand-made from a single piece of walnut.",
                        List.of("kitchen", "walnut", TAG), 4500, "EUR", 10, day(1)),
                post(102, "Kitchen tools I love", "What I use every day.",
                        "My favourite is the walnut cutting board a friend made for me years ago.",
                        List.of("kitchen", TAG), 3, day(2)),
                product(103, "Board for cutting, walnut edge", "Sturdy oak with a dark edge.",
                        List.of("kitchen", TAG), 3000, "EUR", 0, day(3)),
                product(104, "Walnut cuting bord", "Cheap imitation.", List.of(TAG), 900, "EUR", 0, day(4)),
                product(141, "Walnut serving tray", "Oiled, with handles.", List.of("kitchen", "walnut", TAG),
                        6000, "USD", 2, day(5)),
                // one word in title / tags / description / body
                product(111, "Ceramic vase", "Tall and blue.", List.of(TAG), 2500, "EUR", 0, day(6)),
                product(112, "Blue vase", "Tall and made by hand.", List.of("ceramic", TAG), 2500, "EUR", 0, day(7)),
                product(113, "Tall vase", "Blue ceramic, made by hand.", List.of(TAG), 2500, "EUR", 0, day(8)),
                post(114, "A visit to the market", "Saturday notes.",
                        "I bought a ceramic vase and some fresh bread at the market today.", List.of(TAG), 0, day(9)),
                // typo tolerance by word length
                product(121, "Opal ring", "Silver.", List.of(TAG), 12000, "EUR", 0, day(10)),
                product(122, "Quartz clock", "Battery powered.", List.of(TAG), 2000, "EUR", 0, day(11)),
                product(123, "Crystal chandelier", "For the dining room.", List.of(TAG), 90000, "EUR", 0, day(12)),
                post(124, "Repairing old clocks", "Workshop diary.",
                        "The movement was a cheap quartz unit from the seventies, still ticking after forty years.",
                        List.of(TAG), 0, day(13)),
                product(125, "Quarts of paint", "Two litres, white.", List.of(TAG), 1500, "EUR", 0, day(14)),
                // popularity breaks ties, but never beats text relevance
                product(131, "Linen apron", "Washed linen.", List.of(TAG), 3500, "EUR", 0, day(15)),
                product(132, "Linen apron", "Washed linen.", List.of(TAG), 3500, "EUR", 500, day(15)),
                post(133, "Notes from the studio", "Workshop diary.",
                        "Somewhere in these notes I mention my old apron, but mostly I write about glazes.",
                        List.of(TAG), 1_000_000, day(16)),
                // hostile stored text
                post(151, "Markup tips", "On escaping.",
                        "Use <b>bold</b> & <script>alert('x')</script> carefully when you write markup.",
                        List.of(TAG), 0, day(17)));
        await(Duration.ofSeconds(10), () -> ids(search(mvc, "q=markup&tag=" + TAG)).contains("post-151"));
        published = true;
    }

    private static Instant day(int n) {
        return T0.plus(n, ChronoUnit.DAYS);
    }

    private List<String> find(String q) throws Exception {
        return ids(search(mvc, "q=" + q + "&tag=" + TAG));
    }

    @Test
    void exactPhraseInTitleThenPhraseAnywhereThenScatteredWordsThenTypos() throws Exception {
        assertThat(find("walnut cutting board")).containsExactly("product-101", "post-102", "product-103", "product-104");
    }

    @Test
    void titleOutweighsTagsOutweighDescriptionOutweighsBody() throws Exception {
        assertThat(find("ceramic")).containsExactly("product-111", "product-112", "product-113", "post-114");
    }

    @Test
    void stemmingAndStopWordsMatchOtherFormsOfTheWords() throws Exception {
        // "board for cutting" is a phrase in 103 (stop words leave gaps that phrases respect)
        assertThat(find("the boards for cutting")).startsWith("product-103").contains("product-101");
        assertThat(find("aprons")).contains("product-131", "product-132");
    }

    @Test
    void noTyposInShortWords() throws Exception {
        assertThat(find("opal")).containsExactly("product-121");
        assertThat(find("opel")).isEmpty();
    }

    @Test
    void oneTypoInWordsOfFiveToEightLetters() throws Exception {
        assertThat(find("quarz")).contains("product-122");
        assertThat(find("qaurtz")).contains("product-122");
        assertThat(find("quaartzz")).doesNotContain("product-122");
    }

    @Test
    void twoTyposInLongerWords() throws Exception {
        assertThat(find("chandelier")).containsExactly("product-123");
        assertThat(find("chandalier")).containsExactly("product-123");
        assertThat(find("chandaleer")).containsExactly("product-123");
        assertThat(find("chondaleer")).isEmpty();
    }

    @Test
    void anExactMatchAnywhereOutranksATypoInTheTitle() throws Exception {
        // 125 has "quarts" in its title (one typo away), 124 has "quartz" only deep in its body
        assertThat(find("quartz")).containsExactly("product-122", "post-124", "product-125");
    }

    @Test
    void popularityBreaksTiesButNeverBeatsRelevance() throws Exception {
        assertThat(find("linen apron")).containsExactly("product-132", "product-131");
        assertThat(find("apron")).containsExactly("product-132", "product-131", "post-133");
    }

    @Test
    void scoresFallDownTheList() throws Exception {
        List<Double> scores = search(mvc, "q=walnut cutting board&tag=" + TAG).read("$.results[*].score");
        assertThat(scores).hasSize(4).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void filtersByTypeTagAndPriceRange() throws Exception {
        assertThat(ids(search(mvc, "q=walnut&type=post&tag=" + TAG))).containsExactly("post-102");
        assertThat(ids(search(mvc, "q=walnut&type=post&type=product&tag=" + TAG))).hasSize(5);
        assertThat(ids(search(mvc, "q=walnut&tag=walnut&tag=" + TAG))).containsExactlyInAnyOrder("product-101", "product-141");
        assertThat(ids(search(mvc, "q=walnut&minPrice=1000&maxPrice=4500&currency=EUR&tag=" + TAG)))
                .containsExactlyInAnyOrder("product-101", "product-103");
        assertThat(ids(search(mvc, "q=walnut&currency=usd&tag=" + TAG))).containsExactly("product-141");
    }

    @Test
    void facetsCountTypesTagsAndPriceRanges() throws Exception {
        var answer = search(mvc, "q=walnut&type=post&tag=" + TAG);
        assertThat((int) answer.read("$.total")).isEqualTo(1);
        // type counts ignore the type filter, so a client can offer the other types
        assertThat((Map<String, Integer>) answer.read("$.facets.type"))
                .isEqualTo(Map.of("post", 1, "product", 4, "profile", 0));

        var all = search(mvc, "q=walnut&tag=" + TAG);
        assertThat((int) all.read("$.total")).isEqualTo(5);
        Map<String, Integer> tags = all.read("$.facets.tags");
        assertThat(tags.keySet()).containsExactly(TAG, "kitchen", "walnut");
        assertThat(tags.values()).containsExactly(5, 4, 2);
        List<Map<String, Object>> prices = all.read("$.facets.price");
        assertThat(prices).extracting(p -> p.get("currency") + " " + p.get("range") + " " + p.get("count"))
                .containsExactly("EUR 0-999 1", "EUR 1000-4999 2", "USD 5000-9999 1");
        assertThat(prices.get(1)).containsEntry("minPrice", 1000).containsEntry("maxPrice", 4999);
    }

    @Test
    void sortsByNewestAndByPrice() throws Exception {
        assertThat(ids(search(mvc, "q=walnut&sort=newest&tag=" + TAG)))
                .containsExactly("product-141", "product-104", "product-103", "post-102", "product-101");
        assertThat(ids(search(mvc, "q=walnut&sort=price_asc&tag=" + TAG)))
                .containsExactly("product-104", "product-103", "product-101", "product-141", "post-102");
        assertThat(ids(search(mvc, "q=walnut&sort=price_desc&tag=" + TAG)))
                .containsExactly("product-141", "product-101", "product-103", "product-104", "post-102");
    }

    @Test
    void anEmptyQueryWithFiltersListsByTheChosenSort() throws Exception {
        var answer = search(mvc, "q=  &type=product&tag=kitchen&tag=" + TAG + "&sort=price_asc");
        assertThat(ids(answer)).containsExactly("product-103", "product-101", "product-141");
        assertThat((List<Object>) answer.read("$.results[*].score")).containsOnlyNulls();
    }

    @Test
    void pagesAreSlicesOfOneOrder() throws Exception {
        var all = ids(search(mvc, "q=vase&tag=" + TAG + "&limit=100"));
        var first = ids(search(mvc, "q=vase&tag=" + TAG + "&limit=2"));
        var second = ids(search(mvc, "q=vase&tag=" + TAG + "&limit=2&offset=2"));
        assertThat(all).hasSizeGreaterThanOrEqualTo(4);
        assertThat(first).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(second).containsExactlyElementsOf(all.subList(2, 4));
    }

    @Test
    void snippetsMarkMatchesInEscapedText() throws Exception {
        var phrase = search(mvc, "q=walnut cutting board&type=post&tag=" + TAG);
        assertThat((String) phrase.read("$.results[0].snippet"))
                .contains("<mark>walnut</mark> <mark>cutting</mark> <mark>board</mark>");

        var hostile = search(mvc, "q=markup&tag=" + TAG);
        String snippet = hostile.read("$.results[0].snippet");
        assertThat(snippet).contains("<mark>markup</mark>").contains("&lt;b&gt;bold&lt;&#x2F;b&gt;")
                .contains("&lt;script&gt;").doesNotContain("<script").doesNotContain("<b>");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<");
    }

    @Test
    void resultsCarryTypeSpecificFields() throws Exception {
        var answer = search(mvc, "q=serving tray&tag=" + TAG);
        assertThat((String) answer.read("$.results[0].type")).isEqualTo("product");
        assertThat((String) answer.read("$.results[0].title")).isEqualTo("Walnut serving tray");
        assertThat((Integer) answer.read("$.results[0].price.amount")).isEqualTo(6000);
        assertThat((String) answer.read("$.results[0].price.currency")).isEqualTo("USD");
    }
}
