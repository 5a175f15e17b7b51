package agora.orders.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import agora.platform.ApiException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The response to a request made under an Idempotency-Key, as kept for replays: the status and the exact
 * JSON body of a success, or the parts of an error that the platform renders into the one error shape.
 */
public record StoredResponse(int status, String body) {

    private record Error(String kind, String detail, Map<String, List<String>> errors) {
    }

    static StoredResponse success(HttpStatus status, Object body, JsonMapper json) {
        return new StoredResponse(status.value(), json.writeValueAsString(body));
    }

    static StoredResponse error(ApiException e, JsonMapper json) {
        return new StoredResponse(e.status().value(),
                json.writeValueAsString(new Error(e.kind(), e.getMessage(), e.errors())));
    }

    public boolean isError() {
        return status >= 400;
    }

    /** The error this response stands for; only for {@link #isError()} responses. */
    public ApiException asException(JsonMapper json) {
        var error = json.readValue(body, new TypeReference<Error>() {
        });
        return new ApiException(HttpStatus.valueOf(status), error.kind(), error.detail(), error.errors(), null);
    }
}
