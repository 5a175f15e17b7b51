package agora.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;
import agora.test.Api;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation under {@code /api/admin} (read from the API document, so a new one is covered the day it is
 * added): refused to anonymous callers (401) and to people without a role (403); the admin-only ones (search,
 * roles) refused to moderators too.
 */
@AgoraTest
class AdminAccessTest {

    private static final Pattern ADMIN_ONLY = Pattern.compile("^/api/admin/(search/.*|users/[^/]+/roles)$");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    record Operation(HttpMethod method, String path) {
    }

    private List<Operation> adminOperations() throws Exception {
        var document = JsonMapper.builder().build().readTree(
                mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        var operations = new ArrayList<Operation>();
        for (var path : document.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/admin/")) {
                continue;
            }
            for (var method : path.getValue().propertyNames()) {
                operations.add(new Operation(HttpMethod.valueOf(method.toUpperCase()),
                        path.getKey().replaceAll("\\{[^}]+}", "1")));
            }
        }
        return operations;
    }

    private int status(Operation operation, Api.SignedUp user) throws Exception {
        var call = request(operation.method(), operation.path()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"probe\",\"roles\":[]}");
        if (user != null) {
            call = call.header("Authorization", user.authorization());
        }
        return mvc.perform(call).andReturn().getResponse().getStatus();
    }

    @Test
    void nobodyWithoutARoleGetsIntoTheAdminArea() throws Exception {
        var operations = adminOperations();
        assertThat(operations).contains(new Operation(HttpMethod.GET, "/api/admin/reports"),
                new Operation(HttpMethod.POST, "/api/admin/reports/1/dismiss"),
                new Operation(HttpMethod.POST, "/api/admin/posts/1/hide"),
                new Operation(HttpMethod.POST, "/api/admin/posts/1/restore"),
                new Operation(HttpMethod.POST, "/api/admin/comments/1/hide"),
                new Operation(HttpMethod.POST, "/api/admin/products/1/hide"),
                new Operation(HttpMethod.POST, "/api/admin/users/1/suspend"),
                new Operation(HttpMethod.POST, "/api/admin/users/1/unsuspend"),
                new Operation(HttpMethod.PUT, "/api/admin/users/1/roles"),
                new Operation(HttpMethod.GET, "/api/admin/audit"),
                new Operation(HttpMethod.GET, "/api/admin/search/status"),
                new Operation(HttpMethod.POST, "/api/admin/search/reindex"));
        var user = Api.signUp(mvc, "plain");
        for (var operation : operations) {
            assertThat(status(operation, null)).as("anonymous %s", operation).isEqualTo(401);
            assertThat(status(operation, user)).as("user %s", operation).isEqualTo(403);
        }
    }

    @Test
    void moderatorsGetIntoAllButTheAdminsOnlyPart() throws Exception {
        var moderator = Moderation.moderator(mvc, Moderation.admin(mvc, jdbc));
        var adminOnly = 0;
        for (var operation : adminOperations()) {
            var status = status(operation, moderator);
            if (ADMIN_ONLY.matcher(operation.path()).matches()) {
                adminOnly++;
                assertThat(status).as("moderator %s", operation).isEqualTo(403);
            } else {
                assertThat(status).as("moderator %s", operation).isNotIn(401, 403).isLessThan(500);
            }
        }
        assertThat(adminOnly).isGreaterThanOrEqualTo(4);
    }
}
