package agora.notifications.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** The development mailbox with each message's extra header fields (List-Unsubscribe and the like). */
record Letters(MockMvc mvc) {

    record Letter(String template, String subject, String text, String html, Map<String, String> headers) {

        /** The token of the one-click unsubscribe link in the List-Unsubscribe header. */
        String unsubscribeToken() {
            var field = headers.get("List-Unsubscribe");
            return field.substring(field.indexOf("?token=") + 7, field.length() - 1);
        }
    }

    List<Letter> to(String address, String template) throws Exception {
        var body = mvc.perform(get("/api/dev/mailbox").param("to", address).param("limit", "100"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> messages = JsonPath.read(body, "$.messages");
        @SuppressWarnings("unchecked")
        var letters = messages.stream().map(m -> new Letter((String) m.get("template"), (String) m.get("subject"),
                (String) m.get("text"), (String) m.get("html"), (Map<String, String>) m.get("headers"))).toList();
        return letters.stream().filter(l -> l.template().equals(template)).toList();
    }

    /** Waits for {@code count} messages with this template to the address; answers them, newest first. */
    List<Letter> await(String address, String template, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> to(address, template), list -> list.size() >= count);
    }
}
