package agora.test;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Reads the development mailbox ({@code GET /api/dev/mailbox}) of an {@link AgoraTest} context, where no SMTP
 * server is configured, and goes through the real email flows with it. Emails are recorded after the request's
 * transaction commits, asynchronously, so the readers wait for them.
 *
 * <pre>
 * var seller = Mailbox.signUpVerified(mvc, "seller");   // signed up and email verified, the real way
 * </pre>
 */
public final class Mailbox {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    public record Message(String messageId, String to, String template, String subject, String text, String html) {

        /** The single-use token in the message's link (verification and password reset emails). */
        public String token() {
            var matcher = TOKEN.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("no token link in: " + text);
            }
            return matcher.group(1);
        }
    }

    private Mailbox() {
    }

    /** Every message to the address, newest first. */
    public static List<Message> messagesTo(MockMvc mvc, String to) throws Exception {
        var body = mvc.perform(get("/api/dev/mailbox").param("to", to).param("limit", "100"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> messages = JsonPath.read(body, "$.messages");
        return messages.stream().map(m -> new Message((String) m.get("messageId"), (String) m.get("to"),
                (String) m.get("template"), (String) m.get("subject"), (String) m.get("text"), (String) m.get("html")))
                .toList();
    }

    /** Waits for the newest message with this template to the address. */
    public static Message await(MockMvc mvc, String to, String template) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> newest(mvc, to, template), Optional::isPresent).orElseThrow();
    }

    /** Waits until the address has {@code count} messages with this template; answers them, newest first. */
    public static List<Message> awaitCount(MockMvc mvc, String to, String template, int count) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> messagesTo(mvc, to).stream().filter(m -> m.template().equals(template)).toList(),
                        list -> list.size() >= count);
    }

    /** Verifies the user's email address through the verification email, as a user would. */
    public static void verifyEmail(MockMvc mvc, String email) throws Exception {
        var token = await(mvc, email, "verify-email").token();
        mvc.perform(post("/api/users/verification").contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + token + "\"}")).andExpect(status().isNoContent());
    }

    /** Signs up a fresh user and verifies their email address the real way. */
    public static Api.SignedUp signUpVerified(MockMvc mvc, String prefix) throws Exception {
        var user = Api.signUp(mvc, prefix);
        verifyEmail(mvc, user.email());
        return user;
    }

    private static Optional<Message> newest(MockMvc mvc, String to, String template) throws Exception {
        return messagesTo(mvc, to).stream().filter(m -> m.template().equals(template)).findFirst();
    }
}
