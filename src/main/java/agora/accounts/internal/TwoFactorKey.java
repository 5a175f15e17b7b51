package agora.accounts.internal;

import java.util.Base64;

import org.springframework.stereotype.Component;

/**
 * The key that encrypts TOTP secrets at rest. A development key ships for every profile but {@code prod};
 * production refuses to start without its own.
 */
@Component
class TwoFactorKey {

    private final SecretBox box;

    TwoFactorKey(AuthProperties properties) {
        var encoded = properties.twoFactor().encryptionKey();
        byte[] key;
        try {
            key = encoded == null ? new byte[0] : Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != SecretBox.KEY_BYTES) {
            throw new IllegalStateException("AGORA_AUTH_TWO_FACTOR_ENCRYPTION_KEY (agora.auth.two-factor.encryption-key) "
                    + "must be the base64 of " + SecretBox.KEY_BYTES + " random bytes, e.g. `openssl rand -base64 32`");
        }
        this.box = new SecretBox(key);
    }

    SecretBox box() {
        return box;
    }
}
