package agora.social;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import agora.test.Api;

/** Common moves of the social module's HTTP tests. */
final class SocialApi {

    /** ISO-8601 UTC with milliseconds, as RealWorld's suite checks it. */
    static final String TIMESTAMP = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$";

    private SocialApi() {
    }

    static String articleJson(String title, String description, String body, List<String> tags) {
        var tagList = tags.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(","));
        return """
                {"article":{"title":"%s","description":"%s","body":"%s","tagList":[%s]}}"""
                .formatted(title, description, body, tagList);
    }

    /** Publishes a post and answers its slug. */
    static String publish(MockMvc mvc, Api.SignedUp author, String title, String... tags) throws Exception {
        var body = mvc.perform(post("/api/articles").header("Authorization", author.authorization())
                .contentType(MediaType.APPLICATION_JSON)
                .content(articleJson(title, "about " + title, "all about " + title, List.of(tags))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.article.slug");
    }

    static void follow(MockMvc mvc, Api.SignedUp reader, Api.SignedUp author) throws Exception {
        mvc.perform(post("/api/profiles/{u}/follow", author.username()).header("Authorization", reader.authorization()))
                .andExpect(status().isOk());
    }

    static void like(MockMvc mvc, Api.SignedUp reader, String slug) throws Exception {
        mvc.perform(post("/api/articles/{s}/favorite", slug).header("Authorization", reader.authorization()))
                .andExpect(status().isOk());
    }

    static void comment(MockMvc mvc, Api.SignedUp reader, String slug, String text) throws Exception {
        mvc.perform(post("/api/articles/{s}/comments", slug).header("Authorization", reader.authorization())
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":{\"body\":\"" + text + "\"}}"))
                .andExpect(status().isOk());
    }

    /** The slugs of a list answer, in order. */
    static List<String> slugs(MockMvc mvc, Api.SignedUp reader, String url) throws Exception {
        var request = get(url);
        if (reader != null) {
            request = request.header("Authorization", reader.authorization());
        }
        var body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.articles[*].slug");
    }
}
