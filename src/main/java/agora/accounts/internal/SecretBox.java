package agora.accounts.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts small secrets at rest (AES-256-GCM, random 96-bit nonce). The context (e.g. the user id) is
 * authenticated along, so a sealed value copied to another row does not open.
 */
final class SecretBox {

    static final int KEY_BYTES = 32;
    private static final String VERSION = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;

    SecretBox(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    String seal(byte[] plaintext, String context) {
        try {
            var nonce = RandomTokens.bytes(NONCE_BYTES);
            var cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            var sealed = ByteBuffer.allocate(NONCE_BYTES + plaintext.length + TAG_BITS / 8)
                    .put(nonce).put(cipher.doFinal(plaintext)).array();
            return VERSION + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] open(String sealed, String context) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("unknown sealed format");
        }
        try {
            var bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            var nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
            return cipher(Cipher.DECRYPT_MODE, nonce, context).doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed value does not open with this key", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
