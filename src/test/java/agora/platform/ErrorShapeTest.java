package agora.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import agora.test.AgoraTest;

/** Bad input of every kind gets the one error shape and a 4xx, never a 500 or a stack trace. */
@AgoraTest
class ErrorShapeTest {

    @Autowired
    MockMvc mvc;

    static ResultMatcher problem(int status) {
        ResultMatcher[] all = {
                status().is(status),
                content().contentType(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.status").value(status),
                jsonPath("$.type").value(Matchers.startsWith("urn:agora:problem:")),
                jsonPath("$.title").isString(),
                jsonPath("$.detail").isString(),
                jsonPath("$.errors").isMap(),
                jsonPath("$.instance").isString(),
                jsonPath("$.trace").doesNotExist(),
                content().string(Matchers.not(Matchers.containsString("Exception"))) };
        return result -> {
            for (var matcher : all) {
                matcher.match(result);
            }
        };
    }

    ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void malformedJson() throws Exception {
        postJson("/api/users", "{\"user\": {\"email\": ").andExpect(problem(400));
        postJson("/api/users", "not json at all").andExpect(problem(400));
    }

    @Test
    void emptyBody() throws Exception {
        postJson("/api/users", "").andExpect(problem(422));
    }

    @Test
    void wrongContentType() throws Exception {
        mvc.perform(post("/api/users").contentType(MediaType.TEXT_PLAIN).content("hello")).andExpect(problem(415));
    }

    @Test
    void unknownField() throws Exception {
        postJson("/api/users", "{\"user\":{\"username\":\"a\",\"email\":\"a@b.co\",\"password\":\"xyzxyzxyz\",\"admin\":true}}")
                .andExpect(problem(422)).andExpect(jsonPath("$.errors.admin[0]").value("is not a known field"));
    }

    @Test
    void wrongTypedFields() throws Exception {
        postJson("/api/users", "{\"user\":{\"username\":5,\"email\":\"a@b.co\",\"password\":\"xyzxyzxyz\"}}")
                .andExpect(problem(422)).andExpect(jsonPath("$.errors.username[0]").value("has the wrong type"));
        postJson("/api/users", "{\"user\":{\"username\":[\"a\"],\"email\":\"a@b.co\",\"password\":\"xyzxyzxyz\"}}")
                .andExpect(problem(422));
        postJson("/api/users", "{\"user\":\"alice\"}").andExpect(problem(422));
        postJson("/api/users", "[1,2,3]").andExpect(problem(422));
    }

    @Test
    void missingFields() throws Exception {
        postJson("/api/users", "{\"user\":{}}").andExpect(problem(422))
                .andExpect(jsonPath("$.errors.username").exists());
    }

    @Test
    void unknownRoute() throws Exception {
        mvc.perform(get("/api/no-such-thing")).andExpect(problem(404));
        mvc.perform(get("/definitely/not/here.html")).andExpect(problem(404));
    }

    @Test
    void wrongMethod() throws Exception {
        mvc.perform(delete("/api/users/login")).andExpect(problem(405)).andExpect(header().string("Allow", "POST"));
    }

    @Test
    void oversizeBody() throws Exception {
        var huge = "{\"user\":{\"username\":\"" + "a".repeat(1_100_000) + "\"}}";
        postJson("/api/users", huge).andExpect(problem(413));
    }

    @Test
    void requestIdIsEchoedOrGenerated() throws Exception {
        mvc.perform(get("/api/no-such-thing").header("X-Request-Id", "trace-me-123"))
                .andExpect(header().string("X-Request-Id", "trace-me-123"));
        mvc.perform(get("/api/no-such-thing").header("X-Request-Id", "bad id with spaces\nand newline"))
                .andExpect(header().string("X-Request-Id", Matchers.matchesPattern("[0-9a-f-]{36}")));
    }

    @Test
    void corsPreflightFromAnotherOrigin() throws Exception {
        mvc.perform(options("/api/user").header("Origin", "http://localhost:4100")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "http://localhost:4100"))
                .andExpect(header().string("Access-Control-Allow-Methods", Matchers.containsString("PUT")));
    }

    @Test
    void securityHeaders() throws Exception {
        mvc.perform(get("/api/user"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("frame-ancestors 'none'")));
    }

    /** Answers thrown by the application are written without Spring MVC's negotiation, in the same shape. */
    @Test
    void anAnswerFromTheApplicationNamesItsRequest() throws Exception {
        mvc.perform(get("/api/user").accept(MediaType.TEXT_HTML)).andExpect(problem(401))
                .andExpect(jsonPath("$.instance").value("/api/user"))
                .andExpect(header().string("WWW-Authenticate", "Token"));
        mvc.perform(get("/api/articles/no-such-post")).andExpect(problem(404))
                .andExpect(jsonPath("$.instance").value("/api/articles/no-such-post"));
    }

    @Test
    void adminAreaNeedsAnAdmin() throws Exception {
        mvc.perform(get("/api/admin/anything")).andExpect(problem(401));
        var user = agora.test.Api.signUp(mvc, "notadmin");
        mvc.perform(get("/api/admin/anything").header("Authorization", user.authorization())).andExpect(problem(403));
    }
}
