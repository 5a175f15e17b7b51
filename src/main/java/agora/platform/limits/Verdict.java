package agora.platform.limits;

import java.time.Duration;

import io.github.bucket4j.ConsumptionProbe;

import agora.platform.RateLimit;
import agora.platform.RateLimitExceeded;

/**
 * What a bucket said about one request, and how the IETF RateLimit header fields
 * (draft-ietf-httpapi-ratelimit-headers) put it: {@code RateLimit-Policy: "writes";q=60;w=300} (the quota: q
 * requests per w seconds) and {@code RateLimit: "writes";r=42;t=90} (r requests left now, t seconds until the
 * bucket is full again).
 *
 * @param untilFull how long until the bucket is full again
 * @param untilNext for a refused request, how long until one more is allowed
 */
record Verdict(RateLimit limit, RateLimitProperties.Quota quota, boolean allowed, long remaining, Duration untilFull,
        Duration untilNext) {

    static Verdict of(RateLimit limit, RateLimitProperties.Quota quota, ConsumptionProbe probe) {
        return new Verdict(limit, quota, probe.isConsumed(), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForReset()), Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    String policyHeader() {
        return "\"" + limit.policy() + "\";q=" + quota.capacity() + ";w=" + quota.period().toSeconds();
    }

    String stateHeader() {
        return "\"" + limit.policy() + "\";r=" + remaining + ";t=" + secondsUp(untilFull);
    }

    /** Whole seconds, at least 1: a client that waits this long is allowed again. */
    Duration retryAfter() {
        return Duration.ofSeconds(Math.max(1, secondsUp(untilNext)));
    }

    RateLimitExceeded exceeded() {
        var seconds = retryAfter().toSeconds();
        var detail = "too many requests (" + limit.policy() + "): at most " + quota.capacity() + " per "
                + quota.period().toSeconds() + " seconds; try again in " + seconds + " second" + (seconds == 1 ? "" : "s");
        return new RateLimitExceeded(detail, retryAfter(), policyHeader(), stateHeader());
    }

    private static long secondsUp(Duration duration) {
        return duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
    }
}
