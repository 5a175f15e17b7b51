package agora.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signed access tokens (JWT, HS256). A token names only its session; whether the session still stands is
 * the database's answer, so tokens can be revoked.
 */
@Component
class AccessTokens {

    private static final String ISSUER = "agora";
    private static final String SESSION_CLAIM = "sid";

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Clock clock;

    AccessTokens(AuthProperties properties, Clock clock) throws JOSEException {
        var secret = properties.jwtSecret() == null ? new byte[0]
                : properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("agora.auth.jwt-secret must be at least 32 bytes (256 bits)");
        }
        this.signer = new MACSigner(secret);
        this.verifier = new MACVerifier(secret);
        this.clock = clock;
    }

    String issue(UUID sessionId, Instant issuedAt, Instant expiresAt) {
        var claims = new JWTClaimsSet.Builder().issuer(ISSUER).claim(SESSION_CLAIM, sessionId.toString())
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(expiresAt)).build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
        return jwt.serialize();
    }

    /** The session a genuine, unexpired token names; empty for anything else. */
    Optional<UUID> sessionOf(String token) {
        try {
            var jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            var claims = jwt.getJWTClaimsSet();
            var expires = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || expires == null || !expires.toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            var session = claims.getStringClaim(SESSION_CLAIM);
            return session == null ? Optional.empty() : Optional.of(UUID.fromString(session));
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
