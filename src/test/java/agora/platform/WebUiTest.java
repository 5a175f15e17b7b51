package agora.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.handler;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;

import agora.test.AgoraTest;

@AgoraTest
class WebUiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("webUiFiles")
    HandlerMapping files;

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

    @Test
    void filesAreFoundByTheirPathBeforeTheApiMappingsWithTheSameAnswers() throws Exception {
        var css = mvc.perform(get("/app.css")).andExpect(status().isOk())
                .andExpect(handler().handlerType(ResourceHttpRequestHandler.class))
                .andExpect(header().string("Content-Type", Matchers.startsWith("text/css")))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().exists("Last-Modified"))
                .andExpect(header().string("Cache-Control", "no-cache"))
                .andReturn().getResponse();
        mvc.perform(get("/app.css").header("If-Modified-Since", css.getHeader("Last-Modified")))
                .andExpect(status().isNotModified());
        mvc.perform(get("/app.css").header("Range", "bytes=0-3")).andExpect(status().isPartialContent())
                .andExpect(content().string(css.getContentAsString().substring(0, 4)));
        mvc.perform(get("/api/tags")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")));
        mvc.perform(get("/no-such-file.css")).andExpect(status().isNotFound());

        assertThat(files.getHandler(request("/app.css"))).isNotNull();
        assertThat(files.getHandler(request("/index.html"))).isNotNull();
        assertThat(files.getHandler(request("/api/tags"))).isNull();
        assertThat(files.getHandler(request("/no-such-file.css"))).isNull();
    }

    private static MockHttpServletRequest request(String path) {
        var request = new MockHttpServletRequest("GET", path);
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
