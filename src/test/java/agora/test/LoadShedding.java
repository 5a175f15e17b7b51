package agora.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

/** What a shed request looks like from outside: 503, {@code Retry-After} and the one error shape. */
public final class LoadShedding {

    private LoadShedding() {
    }

    public static void assertShed(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"urn:agora:problem:unavailable\"").contains("\"status\":503")
                .contains("\"errors\":{\"body\":[").doesNotContain("Exception").doesNotContainIgnoringCase("sql");
    }
}
