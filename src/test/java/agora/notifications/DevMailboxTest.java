package agora.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;
import agora.test.Api;
import agora.test.Mailbox;

/** Without an SMTP server, emails land in the development mailbox. */
@AgoraTest
class DevMailboxTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void showsEmailsToAnAddressNewestFirstWithBothParts() throws Exception {
        var user = Api.signUp(mvc, "devbox");
        var message = Mailbox.await(mvc, user.email(), "verify-email");
        assertThat(message.to()).isEqualTo(user.email());
        assertThat(message.messageId()).matches("<[0-9a-f-]{36}@agora\\.localhost>");
        assertThat(message.text()).contains(message.token());
        assertThat(message.html()).startsWith("<!DOCTYPE html>").contains(message.token());

        mvc.perform(get("/api/dev/mailbox").param("to", user.email().toUpperCase()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages.length()").value(1))
                .andExpect(jsonPath("$.messages[0].subject").value("Confirm your email address for Agora"));
        mvc.perform(get("/api/dev/mailbox").param("limit", "1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.messages.length()").value(1));
        var status = jdbc.sql("select status, delivered_via from email_outbox where message_id = ?")
                .param(message.messageId()).query().singleRow();
        assertThat(status).containsEntry("status", "SENT").containsEntry("delivered_via", "dev-mailbox");
    }

    @Test
    void refusesOutOfRangeParameters() throws Exception {
        mvc.perform(get("/api/dev/mailbox").param("limit", "0")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/dev/mailbox").param("limit", "101")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/dev/mailbox").param("limit", "many")).andExpect(status().is4xxClientError());
        mvc.perform(get("/api/dev/mailbox").param("to", "x".repeat(300))).andExpect(status().isUnprocessableContent());
    }
}
