package agora.orders.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import agora.platform.ApiException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's Idempotency-Key semantics for requests that move money or stock: the same key and request replay
 * the first response; the same key with another request is refused (422); a repeat that arrives while the
 * first is still running waits for its response. A request that failed before any effect (validation, stock)
 * keeps nothing, so its key can be used again.
 */
@Service
class IdempotentRequests {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final long POLL_MILLIS = 25;

    private final IdempotencyKeys keys;
    private final OrdersProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(IdempotencyKeys keys, OrdersProperties properties, JsonMapper json, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** The request's fingerprint: what makes two requests under one key "the same". */
    String fingerprint(String operation, Object request) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((operation + "\n" + json.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ApiException.invalid("Idempotency-Key", "header must be 1 to 255 printable ASCII characters");
        }
    }

    /** Claims the key inside the caller's first transaction, or rolls it back with {@link KeyTaken}. */
    void claim(long userId, String key, String fingerprint) {
        if (!keys.claim(userId, key, fingerprint, clock.instant())) {
            throw new KeyTaken();
        }
    }

    /** Ties the key to the order its request created or changed (same transaction as the claim). */
    void attach(long userId, String key, long orderId) {
        keys.attachOrder(userId, key, orderId);
    }

    /** Keeps the response of the key's request (a no-op when one is kept already). */
    void complete(long userId, String key, StoredResponse response) {
        keys.complete(userId, key, response);
    }

    /**
     * Runs {@code work}, which must {@link #claim} the key first and {@link #complete} it with its response
     * last (ideally in its final transaction); or, when the key is taken, answers for the request that took it. Errors {@code work} throws are not kept (they must come before
     * any effect); errors that come after an effect, such as a declined payment, are returned as responses. {@code current} answers from the order a key is attached to, for
     * a first request that died before it could keep its response.
     */
    StoredResponse run(long userId, String key, String fingerprint, Supplier<StoredResponse> work,
            LongFunction<StoredResponse> current) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return work.get();
            } catch (KeyTaken taken) {
                var answer = answerForTakenKey(userId, key, fingerprint, current);
                if (answer != null) {
                    return answer;
                }
            }
        }
        throw inProgress();
    }

    /** Null when the key has gone (its first request failed without effect), so this one may run. */
    private StoredResponse answerForTakenKey(long userId, String key, String fingerprint,
            LongFunction<StoredResponse> current) {
        var deadline = System.nanoTime() + properties.idempotencyWait().toNanos();
        while (true) {
            var found = keys.find(userId, key);
            if (found.isEmpty()) {
                return null;
            }
            var taken = found.get();
            if (!taken.requestHash().equals(fingerprint)) {
                throw ApiException.invalid("Idempotency-Key", "was already used for a different request");
            }
            if (taken.response() != null) {
                return taken.response();
            }
            var abandoned = taken.createdAt().plus(properties.idempotencyWait()).isBefore(clock.instant());
            if (taken.orderId() != null && (abandoned || System.nanoTime() > deadline)) {
                return current.apply(taken.orderId());
            }
            if (System.nanoTime() > deadline) {
                throw inProgress();
            }
            pause();
        }
    }

    int forgetKeysCreatedBefore(Instant cutoff) {
        return keys.deleteCreatedBefore(cutoff);
    }

    private static ApiException inProgress() {
        return ApiException.conflict("request-in-progress", "Idempotency-Key",
                "a request with this Idempotency-Key is still being processed; retry later");
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "interrupted", "interrupted while waiting", null,
                    null);
        }
    }
}
