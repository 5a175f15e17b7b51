package agora.notifications.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param secret the HMAC-SHA256 key that signs one-click unsubscribe links; production has no default */
@ConfigurationProperties("agora.notifications.unsubscribe")
record UnsubscribeProperties(String secret) {
}
