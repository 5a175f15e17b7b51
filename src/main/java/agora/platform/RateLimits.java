package agora.platform;

/**
 * Fair-use limits that a module applies itself, beyond the one every API request passes by its route: a login
 * also counts against the account it names, an email against the address it goes to.
 */
public interface RateLimits {

    /**
     * Takes one request from the bucket of this limit and key.
     *
     * @param key whose bucket it is, e.g. {@code "account:" + email}; kept apart from the route buckets' keys
     * @throws RateLimitExceeded (429) when the bucket is empty
     */
    void consume(RateLimit limit, String key);
}
