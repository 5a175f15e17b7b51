package agora.accounts.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Passkeys (WebAuthn).
 *
 * @param rpId the relying party id: the host name (no scheme, no port) the browser shows the site under, or a parent
 *        domain of it; passkeys are bound to it for good
 * @param rpName the name authenticators show next to the passkey
 * @param origins the exact origins (scheme, host, port) pages may run a ceremony from
 * @param challengeTtl how long a ceremony may take from its options to its answer
 * @param userVerificationRequired whether the authenticator must have verified the user (PIN, biometrics), which is
 *        what makes a passkey sign-in count as two factors
 */
@ConfigurationProperties("agora.auth.webauthn")
public record WebAuthnProperties(String rpId, String rpName, List<String> origins, Duration challengeTtl,
        boolean userVerificationRequired) {
}
