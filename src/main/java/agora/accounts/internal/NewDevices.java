package agora.accounts.internal;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import agora.accounts.SignedInFromNewDevice;

/**
 * Notices sign-ins from devices an account has not used and has its owner told, with a "this wasn't me" link. The
 * first device an account is seen on (its sign-up) is simply remembered: there is nothing to compare it with.
 */
@Component
class NewDevices {

    private final KnownDevices devices;
    private final UserRepository users;
    private final EmailTokens tokens;
    private final ApplicationEventPublisher events;
    private final SessionProperties properties;

    NewDevices(KnownDevices devices, UserRepository users, EmailTokens tokens, ApplicationEventPublisher events,
            SessionProperties properties) {
        this.devices = devices;
        this.users = users;
        this.tokens = tokens;
        this.events = events;
        this.properties = properties;
    }

    /** In the transaction that opens a session for this client. */
    void signedIn(long userId, RequestClient client, Instant now) {
        var first = !devices.anyOf(userId);
        var isNew = devices.remember(userId, KnownDevices.hash(userId, client), now);
        if (!isNew) {
            return;
        }
        devices.trim(userId, properties.knownDevicesPerAccount());
        if (first) {
            return;
        }
        users.findById(userId).ifPresent(user -> {
            var token = RandomTokens.generate();
            var expiresAt = now.plus(properties.notMeLinkTtl());
            tokens.insert(RandomTokens.hash(token), userId, EmailTokens.Purpose.NOT_ME, user.email(), now, expiresAt);
            events.publishEvent(new SignedInFromNewDevice(userId, user.email(), now, client.address(),
                    client.userAgent(), token, expiresAt));
        });
    }
}
