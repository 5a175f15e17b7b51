package agora.catalog;

import static agora.media.ImageApi.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.media.ImageApi;

/** Uploaded images as product photos: attached in order, linked, refused when not the seller's, deleted when dropped. */
@AgoraTest
class ProductPhotosTest {

    @Autowired
    MockMvc mvc;

    static String json(String title, List<String> images) {
        var list = images.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        return """
                {"product":{"title":"%s","price":{"amount":1500,"currency":"EUR"},"stock":2,"images":[%s]}}"""
                .formatted(title, list);
    }

    ResultActions create(Api.SignedUp seller, String title, List<String> images) throws Exception {
        return mvc.perform(post("/api/products").header("Authorization", seller.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(json(title, images)));
    }

    ResultActions change(Api.SignedUp seller, String id, List<String> images) throws Exception {
        return mvc.perform(put("/api/products/" + id).header("Authorization", seller.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"product\":{\"images\":[" + images.stream().map(i -> "\"" + i + "\"")
                        .collect(Collectors.joining(",")) + "]}}"));
    }

    static DocumentContext body(ResultActions result) throws Exception {
        return JsonPath.parse(result.andReturn().getResponse().getContentAsString());
    }

    @Test
    void uploadedPhotosAreShownInTheirOrderWithEverySize() throws Exception {
        var seller = Shop.seller(mvc, "photographer");
        var first = ImageApi.upload(mvc, seller).id();
        var second = ImageApi.upload(mvc, seller).id();
        var created = body(create(seller, "Vase", List.of(second, "https://img.example.com/vase.png", first))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.product.photos[*].id").value(org.hamcrest.Matchers.contains(second, first))));
        String id = created.read("$.product.id");

        var product = body(mvc.perform(get("/api/products/" + id)).andExpect(status().isOk()));
        List<String> images = product.read("$.product.images");
        assertThat(images).containsExactly(product.read("$.product.photos[0].large"),
                "https://img.example.com/vase.png", product.read("$.product.photos[1].large"));
        for (var size : List.of("small", "medium", "large")) {
            String url = product.read("$.product.photos[0]." + size);
            assertThat(url).contains(second);
            assertThat(statusOf(mvc, url)).isEqualTo(200);
        }
        var listed = body(mvc.perform(get("/api/products").param("seller", seller.username())));
        assertThat(listed.read("$.products[0].photos", List.class)).isEqualTo(product.read("$.product.photos", List.class));
    }

    @Test
    void refusesMoreThanEightPhotosAndImagesThatAreNotTheSellers() throws Exception {
        var seller = Shop.seller(mvc, "greedy");
        var other = Shop.seller(mvc, "owner");
        var nine = new ArrayList<String>();
        for (int i = 0; i < 9; i++) {
            nine.add("img_nine" + i);
        }
        create(seller, "Too many", nine).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.images[0]").value("at most 8 uploaded photos"));

        var theirs = ImageApi.upload(mvc, other).id();
        create(seller, "Not mine", List.of(theirs)).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.images").exists());
        create(seller, "Unknown", List.of("img_doesnotexist0000000")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.images").exists());
        mvc.perform(get("/api/products").param("seller", seller.username()))
                .andExpect(jsonPath("$.productsCount").value(0));

        // Still the other seller's to use.
        create(other, "Mine", List.of(theirs)).andExpect(status().isCreated());
    }

    @Test
    void replacingPhotosDeletesTheDroppedOnesAndUnlistingDeletesTheRest() throws Exception {
        var seller = Shop.seller(mvc, "editor");
        var a = ImageApi.upload(mvc, seller).id();
        var b = ImageApi.upload(mvc, seller).id();
        var c = ImageApi.upload(mvc, seller).id();
        var created = body(create(seller, "Chair", List.of(a, b)).andExpect(status().isCreated()));
        String id = created.read("$.product.id");
        String aUrl = created.read("$.product.photos[0].small");
        String bLarge = created.read("$.product.photos[1].large");

        // b comes back as shown (its large URL), as a client that echoes the product sends it.
        var changed = body(change(seller, id, List.of(c, bLarge)).andExpect(status().isOk())
                .andExpect(jsonPath("$.product.photos[*].id").value(org.hamcrest.Matchers.contains(c, b))));
        assertThat(statusOf(mvc, aUrl)).isEqualTo(404);
        assertThat(statusOf(mvc, bLarge)).isEqualTo(200);
        String cUrl = changed.read("$.product.photos[0].medium");

        mvc.perform(delete("/api/products/" + id).header("Authorization", seller.authorization()))
                .andExpect(status().isNoContent());
        assertThat(statusOf(mvc, bLarge)).isEqualTo(404);
        assertThat(statusOf(mvc, cUrl)).isEqualTo(404);
    }

    @Test
    void searchResultsCarryAThumbnail() throws Exception {
        var seller = Shop.seller(mvc, "thumbs");
        var photo = ImageApi.upload(mvc, seller).id();
        var word = "zq" + Api.uniqueName("t").replace("-", "");
        var withPhoto = body(create(seller, "Photo " + word, List.of("https://img.example.com/x.png", photo)));
        String medium = withPhoto.read("$.product.photos[0].medium");
        String withPhotoId = withPhoto.read("$.product.id");
        String withUrlId = body(create(seller, "Url " + word, List.of("https://img.example.com/y.png")))
                .read("$.product.id");
        String bareId = body(create(seller, "Bare " + word, List.of())).read("$.product.id");

        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Object> results;
        do {
            Thread.sleep(20);
            results = body(mvc.perform(get("/api/search").param("q", word).param("type", "product")))
                    .read("$.results");
        } while (results.size() < 3 && System.nanoTime() < deadline);
        var answer = body(mvc.perform(get("/api/search").param("q", word).param("type", "product")));
        assertThat(answer.read("$.results[?(@.id == '" + withPhotoId + "')].thumbnail", List.class))
                .containsExactly(medium);
        assertThat(answer.read("$.results[?(@.id == '" + withUrlId + "')].thumbnail", List.class))
                .containsExactly("https://img.example.com/y.png");
        assertThat(answer.read("$.results[?(@.id == '" + bareId + "')].thumbnail", List.class))
                .containsExactly((Object) null);
    }
}
