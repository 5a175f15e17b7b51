package agora.notifications.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import agora.test.AgoraTest;
import agora.test.Api;

/** {@code GET/PUT /api/user/notification-settings}: defaults, partial changes, validation. */
@AgoraTest
class NotificationSettingsTest {

    static final String PATH = "/api/user/notification-settings";

    @Autowired
    MockMvc mvc;

    ResultActions change(Api.SignedUp user, String json) throws Exception {
        return mvc.perform(put(PATH).header("Authorization", user.authorization())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void everyTypeStartsAtItsDefault() throws Exception {
        var user = Api.signUp(mvc, "settings");
        mvc.perform(get(PATH).header("Authorization", user.authorization()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.settings.length()").value(NotificationType.values().length))
                .andExpect(jsonPath("$.settings.like.email").value("never"))
                .andExpect(jsonPath("$.settings.like.default").value(true))
                .andExpect(jsonPath("$.settings.follow.email").value("never"))
                .andExpect(jsonPath("$.settings.comment.email").value("daily"))
                .andExpect(jsonPath("$.settings.mention.email").value("daily"))
                .andExpect(jsonPath("$.settings.order_shipped.email").value("at_once"))
                .andExpect(jsonPath("$.settings.sale.email").value("at_once"));
    }

    @Test
    void aPartialChangeKeepsTheOtherTypesAndChoosingTheDefaultAgainMakesItTheDefault() throws Exception {
        var user = Api.signUp(mvc, "settings");
        change(user, """
                {"settings":{"like":{"email":"at_once"},"comment":{"email":"never","default":true}}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.settings.like.email").value("at_once"))
                .andExpect(jsonPath("$.settings.like.default").value(false))
                .andExpect(jsonPath("$.settings.comment.email").value("never"))
                .andExpect(jsonPath("$.settings.comment.default").value(false))
                .andExpect(jsonPath("$.settings.mention.email").value("daily"));
        change(user, """
                {"settings":{"like":{"email":"never"}}}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.settings.like.email").value("never"))
                .andExpect(jsonPath("$.settings.like.default").value(true));
        mvc.perform(get(PATH).header("Authorization", user.authorization()))
                .andExpect(jsonPath("$.settings.comment.email").value("never"))
                .andExpect(jsonPath("$.settings.like.default").value(true));

        var other = Api.signUp(mvc, "settings");
        mvc.perform(get(PATH).header("Authorization", other.authorization()))
                .andExpect(jsonPath("$.settings.comment.email").value("daily"));
    }

    @Test
    void refusesUnknownTypesAndChoicesWithoutChangingAnything() throws Exception {
        var user = Api.signUp(mvc, "settings");
        change(user, """
                {"settings":{"like":{"email":"at_once"},"poke":{"email":"never"}}}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors['settings.poke'][0]").value("is not a notification type"));
        change(user, """
                {"settings":{"like":{"email":"weekly"}}}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors['settings.like.email'][0]")
                        .value("must be one of never, at_once, daily"));
        change(user, """
                {"settings":{"LIKE":{"email":"daily"}}}""").andExpect(status().isUnprocessableContent());
        change(user, """
                {"settings":{"like":{}}}""").andExpect(status().isUnprocessableContent());
        change(user, """
                {"settings":{}}""").andExpect(status().isUnprocessableContent());
        change(user, """
                {"settings":{"like":{"email":5}}}""").andExpect(status().is4xxClientError());
        change(user, "{}").andExpect(status().isUnprocessableContent());
        mvc.perform(get(PATH).header("Authorization", user.authorization()))
                .andExpect(jsonPath("$.settings.like.email").value("never"));
    }

    @Test
    void needsASignedInUser() throws Exception {
        mvc.perform(get(PATH)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put(PATH).contentType(MediaType.APPLICATION_JSON).content("""
                {"settings":{"like":{"email":"daily"}}}""")).andExpect(status().isUnauthorized());
    }
}
