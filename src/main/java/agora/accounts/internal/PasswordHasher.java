package agora.accounts.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashes. Spring's defaults are below the OWASP minimum, so the cost comes from
 * configuration. Hashes made with older (weaker) parameters are reported for upgrade at the next login.
 * Every hash and check runs on the {@link HashingPool}, so each of them may answer 503 when too many wait.
 */
@Component
class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    /**
     * For passwords everybody knows (the demo accounts'): 1 MiB and one pass (the default cost: 19 MiB, two), so
     * seeding them costs little even while the JIT is cold at start-up. {@link #needsUpgrade} reports such a hash, so
     * the first login re-hashes it at the configured cost.
     */
    private static final Argon2PasswordEncoder PUBLIC_PASSWORDS = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES,
            1, 1024, 1);

    private final Argon2PasswordEncoder encoder;
    private final HashingPool pool;
    private final String dummyHash;

    PasswordHasher(AuthProperties properties, HashingPool pool) {
        var cost = properties.password();
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, cost.parallelism(), cost.memoryKib(),
                cost.iterations());
        this.pool = pool;
        this.dummyHash = hashOfNothing(cost);
    }

    /**
     * A well-formed hash with the configured cost that no password matches: checking against it costs what a real
     * check costs, and making it costs nothing (hashing a password here took a cold-JIT Argon2id at start-up).
     */
    private static String hashOfNothing(AuthProperties.Password cost) {
        var salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        var base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s".formatted(cost.memoryKib(), cost.iterations(),
                cost.parallelism(), base64.encodeToString(salt), base64.encodeToString(new byte[HASH_BYTES]));
    }

    String hash(String password) {
        return pool.run(() -> encoder.encode(password));
    }

    /** For a password that is public anyway (a demo account's); upgraded at its first login. */
    String hashPublicPassword(String password) {
        return pool.run(() -> PUBLIC_PASSWORDS.encode(password));
    }

    /**
     * Whether the password is the one hashed. An account without a password ({@code hash} null: signed up with a
     * passkey) matches none, after the same work, so the answer does not tell such an account from a wrong password.
     */
    boolean matches(String password, String hash) {
        if (hash == null) {
            verifyAgainstNothing(password);
            return false;
        }
        return pool.run(() -> encoder.matches(password, hash));
    }

    boolean needsUpgrade(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    /**
     * Spends the same time as a real check, in the same pool (so also the same waiting and the same 503), so an
     * unknown email can't be told apart by timing.
     */
    void verifyAgainstNothing(String password) {
        pool.run(() -> encoder.matches(password, dummyHash));
    }
}
