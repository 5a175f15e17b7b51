package agora.accounts.internal;

import org.springframework.stereotype.Component;

import agora.platform.BoundedPool;

/**
 * Where every password hash runs: a burst of logins costs at most {@code hashing-threads} hashes' CPU and memory
 * (19 MiB each) at a time; a hash that cannot start within {@code hashing-wait} is refused with 503.
 */
@Component
class HashingPool extends BoundedPool {

    HashingPool(AuthProperties properties) {
        super("password-hashing-", properties.password().hashingThreads(), properties.password().hashingWait(),
                "too many password checks at once; try again shortly");
    }
}
