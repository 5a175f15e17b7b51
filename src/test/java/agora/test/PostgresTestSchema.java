package agora.test;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * When {@code AGORA_TEST_POSTGRES_URL} is set, the whole test run uses PostgreSQL instead of H2: a fresh
 * schema is created for this run (so runs never see each other's data) and dropped at its end.
 */
public class PostgresTestSchema implements LauncherSessionListener {

    private static final String URL_VARIABLE = "AGORA_TEST_POSTGRES_URL";

    private String baseUrl;
    private String schema;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        baseUrl = System.getenv(URL_VARIABLE);
        if (baseUrl == null || baseUrl.isBlank()) {
            return;
        }
        schema = "agora_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create schema " + schema);
        var separator = baseUrl.contains("?") ? "&" : "?";
        System.setProperty("spring.datasource.url", baseUrl + separator + "currentSchema=" + schema);
        System.setProperty("spring.flyway.default-schema", schema);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (schema != null) {
            execute("drop schema " + schema + " cascade");
        }
    }

    private void execute(String sql) {
        try (var connection = DriverManager.getConnection(baseUrl); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests at " + URL_VARIABLE + " is not usable: "
                    + e.getMessage(), e);
        }
    }
}
