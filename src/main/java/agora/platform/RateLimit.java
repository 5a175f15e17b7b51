package agora.platform;

/**
 * The classes of requests that share a fair-use limit. Each client has its own token bucket per class: the
 * signed-in user, or the client address when there is none ({@link #byAddress} classes always count per
 * address). Capacities and refill periods are settings ({@code agora.rate-limits.<policy>}).
 */
public enum RateLimit {

    /** Creating accounts, per address. */
    SIGN_UP("sign-up", true),
    /** Logins, two-factor codes, password resets and email verification, per address; logins also per account. */
    LOGIN("login", true),
    /** Requests that send someone an email, per recipient address and per account. */
    EMAIL("email", false),
    /** Posts, comments, likes, follows, cart, products, orders' changes: anything that changes data. */
    WRITES("writes", false),
    /** Placing orders. */
    CHECKOUT("checkout", false),
    /** Searches and suggestions. */
    SEARCH("search", false),
    /** Reading by a signed-in user. */
    READS("reads", false),
    /** Reading without signing in, per address. */
    ANONYMOUS_READS("anonymous-reads", true),
    /** The admin area. */
    ADMIN("admin", false),
    /** Reporting posts, comments, products and users to the moderators. */
    REPORTS("reports", false),
    /** Payment providers' webhooks, per address. */
    WEBHOOKS("webhooks", true);

    private final String policy;
    private final boolean byAddress;

    RateLimit(String policy, boolean byAddress) {
        this.policy = policy;
        this.byAddress = byAddress;
    }

    /** The name clients see in the {@code RateLimit} headers, and the settings' key. */
    public String policy() {
        return policy;
    }

    /** Whether requests count per client address even when a user is signed in. */
    public boolean byAddress() {
        return byAddress;
    }
}
