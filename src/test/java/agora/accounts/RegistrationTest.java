package agora.accounts;

import static agora.test.Api.PASSWORD;
import static agora.test.Api.uniqueName;
import static agora.test.Api.userJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import agora.test.AgoraTest;
import agora.test.Api;

@AgoraTest
class RegistrationTest {

    @Autowired
    MockMvc mvc;

    ResultActions register(String json) throws Exception {
        return mvc.perform(post("/api/users").contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void registersAndAnswersTheUserWithAToken() throws Exception {
        var name = uniqueName("reg");
        register(userJson(name, name + "@example.com", PASSWORD))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.user.username").value(name))
                .andExpect(jsonPath("$.user.email").value(name + "@example.com"))
                .andExpect(jsonPath("$.user.token").isString())
                .andExpect(jsonPath("$.user.bio").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.user.image").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.user.password").doesNotExist());
    }

    @Test
    void refusesATakenUsernameInAnyCase() throws Exception {
        var first = Api.signUp(mvc, "dup");
        var other = uniqueName("other");
        register(userJson(first.username().toUpperCase(), other + "@example.com", PASSWORD))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.username[0]").value("has already been taken"));
    }

    @Test
    void refusesATakenEmailIgnoringCase() throws Exception {
        var first = Api.signUp(mvc, "dupmail");
        register(userJson(uniqueName("x"), first.email().toUpperCase(), PASSWORD))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.email[0]").value("has already been taken"))
                .andExpect(jsonPath("$.errors.username").doesNotExist());
    }

    @Test
    void refusesAnInvalidEmail() throws Exception {
        register(userJson(uniqueName("bad"), "not-an-email", PASSWORD))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.email[0]").value("is invalid"));
    }

    @Test
    void refusesEmptyAndOversizeFields() throws Exception {
        register(userJson("", "", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.username[0]").value("can't be blank"))
                .andExpect(jsonPath("$.errors.email[0]").value("can't be blank"))
                .andExpect(jsonPath("$.errors.password[0]").value("can't be blank"));
        register(userJson("u".repeat(41), "e".repeat(250) + "@example.com", "p".repeat(129)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.username[0]").value(Matchers.startsWith("is too long")))
                .andExpect(jsonPath("$.errors.email[0]").value(Matchers.startsWith("is too long")))
                .andExpect(jsonPath("$.errors.password[0]").value(Matchers.startsWith("is too long")));
    }

    @Test
    void refusesShortAndCommonPasswords() throws Exception {
        register(userJson(uniqueName("pw"), uniqueName("pw") + "@example.com", "short"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.password[0]").value(Matchers.startsWith("is too short")));
        register(userJson(uniqueName("pw"), uniqueName("pw") + "@example.com", "password"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.password[0]").value(Matchers.containsString("most common")));
        register(userJson(uniqueName("pw"), uniqueName("pw") + "@example.com", "Iloveyou"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.password[0]").value(Matchers.containsString("most common")));
        // Beyond the old 1,000-entry list: the 100,000 most common breached passwords.
        register(userJson(uniqueName("pw"), uniqueName("pw") + "@example.com", "Password123"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.password[0]").value(Matchers.containsString("most common")));
    }

    @Test
    void refusesMissingEnvelopeAndMissingFields() throws Exception {
        register("{}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.user[0]").value("is required"));
        register("{\"user\":{\"username\":\"only\"}}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.email").exists())
                .andExpect(jsonPath("$.errors.password").exists());
    }
}
