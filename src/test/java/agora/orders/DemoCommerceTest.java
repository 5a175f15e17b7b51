package agora.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import agora.accounts.UserDirectory;
import agora.catalog.ProductCatalog;
import agora.catalog.SearchableProduct;

/**
 * A first start with demo data on: verified sellers, products with stock, and a paid order. Demo data is
 * seeded only into an empty database, so this test gets one of its own (a schema of its own on PostgreSQL).
 */
@SpringBootTest(properties = "agora.demo-data.enabled=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
class DemoCommerceTest {

    static final String POSTGRES = System.getenv("AGORA_TEST_POSTGRES_URL");
    static final String SCHEMA = "agora_demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) throws Exception {
        if (POSTGRES == null || POSTGRES.isBlank()) {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:demo-commerce;MODE=PostgreSQL;"
                    + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            registry.add("spring.flyway.default-schema", () -> "public");
            return;
        }
        execute("create schema " + SCHEMA);
        registry.add("spring.datasource.url",
                () -> POSTGRES + (POSTGRES.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        registry.add("spring.flyway.default-schema", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (POSTGRES != null && !POSTGRES.isBlank()) {
            execute("drop schema " + SCHEMA + " cascade");
        }
    }

    static void execute(String sql) throws Exception {
        try (var connection = DriverManager.getConnection(POSTGRES); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Autowired
    UserDirectory users;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void seedsSellersProductsAndAPaidOrder() {
        var bob = users.findByUsername("bob").orElseThrow();
        var dave = users.findByUsername("dave").orElseThrow();
        assertThat(users.isEmailVerified(bob.id())).isTrue();
        assertThat(users.isEmailVerified(dave.id())).isTrue();

        var products = catalog.listAfter(0, 100);
        assertThat(products).hasSizeGreaterThanOrEqualTo(6)
                .extracting(SearchableProduct::sellerUsername).contains("bob", "dave");
        assertThat(products).allSatisfy(p -> assertThat(p.stock()).isPositive());
        assertThat(products).anySatisfy(p -> assertThat(p.unitsSold()).isEqualTo(1));

        var carol = users.findByUsername("carol").orElseThrow();
        assertThat(jdbc.sql("select count(*) from orders where buyer_id = ? and status = 'PAID'").param(carol.id())
                .query(Integer.class).single()).isEqualTo(1);
        // Its confirmation is in the development mailbox, as any buyer's would be.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                select count(*) from email_outbox where user_id = ? and template = 'order-confirmation'
                  and status = 'SENT'""").param(carol.id()).query(Integer.class).single() == 1);
    }

    @Test
    void demoUsersAreSearchableLikeAnyNewUser() {
        // Demo users are created like sign-ups (UserRegistered), so the search index learns of them.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> mvc.perform(get("/api/search")
                .param("q", "alice").param("type", "profile"))
                .andExpect(jsonPath("$.results[0].username").value("alice")));
    }

    @Test
    void demoPasswordsAreHashedCheaplyThenAtFullCostFromTheFirstLogin() throws Exception {
        // They are public (printed at start), so seeding spends no start-up time on them.
        assertThat(demoHash("dave")).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");

        mvc.perform(post("/api/users/login").contentType(MediaType.APPLICATION_JSON)
                .content("{\"user\":{\"email\":\"dave@example.com\",\"password\":\"dave-demo-pass\"}}"))
                .andExpect(status().isOk());

        assertThat(demoHash("dave")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    String demoHash(String username) {
        return jdbc.sql("select password_hash from users where username = ?").param(username).query(String.class)
                .single();
    }
}
