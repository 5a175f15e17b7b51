package agora.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;

@AgoraTest
class WebUiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void servesTheWebUi() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(forwardedUrl("index.html"));
        mvc.perform(get("/index.html")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<script src=\"/app.js\"")));
        mvc.perform(get("/app.js")).andExpect(status().isOk());
        mvc.perform(get("/index.html"))
                .andExpect(content().string(Matchers.containsString("<script src=\"/relationships.js\"")));
        mvc.perform(get("/relationships.js")).andExpect(status().isOk());
    }

    @Test
    void emailLinksOpenTheWebUi() throws Exception {
        mvc.perform(get("/verify-email").param("token", "abc")).andExpect(forwardedUrl("/index.html"));
        mvc.perform(get("/reset-password").param("token", "abc")).andExpect(forwardedUrl("/index.html"));
        mvc.perform(get("/orders/ord_7QkX2mJ9pL4vT8aZ1cR6")).andExpect(forwardedUrl("/index.html"));
    }
}
