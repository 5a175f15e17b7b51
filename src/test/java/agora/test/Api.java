package agora.test;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Common moves of HTTP tests: sign up fresh users and read tokens back. */
public final class Api {

    public static final String PASSWORD = "correct-horse-battery";

    private Api() {
    }

    /** A username no other test uses, with a readable prefix. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public record SignedUp(String username, String email, String token) {
        public String authorization() {
            return "Token " + token;
        }
    }

    public static SignedUp signUp(MockMvc mvc, String prefix) throws Exception {
        var username = uniqueName(prefix);
        var email = username + "@example.com";
        var body = mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON)
                .content(userJson(username, email, PASSWORD)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new SignedUp(username, email, JsonPath.read(body, "$.user.token"));
    }

    public static String login(MockMvc mvc, String email, String password) throws Exception {
        var body = mvc.perform(post("/api/users/login").contentType(MediaType.APPLICATION_JSON)
                .content(loginJson(email, password)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.user.token");
    }

    /** Logs in as a client with this address and user agent (a device, to the new-device check). */
    public static String loginFrom(MockMvc mvc, String address, String userAgent, String email) throws Exception {
        var body = mvc.perform(post("/api/users/login").contentType(MediaType.APPLICATION_JSON)
                .content(loginJson(email, PASSWORD)).header("User-Agent", userAgent)
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.user.token");
    }

    public static String userJson(String username, String email, String password) {
        return """
                {"user":{"username":"%s","email":"%s","password":"%s"}}""".formatted(username, email, password);
    }

    public static String loginJson(String email, String password) {
        return """
                {"user":{"email":"%s","password":"%s"}}""".formatted(email, password);
    }
}
