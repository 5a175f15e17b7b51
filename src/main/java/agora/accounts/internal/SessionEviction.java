package agora.accounts.internal;

import java.util.Optional;
import java.util.UUID;

/** What every node must forget from its cache of checked sessions, and its message on the cluster broadcast. */
sealed interface SessionEviction {

    String message();

    /** One session, e.g. after a logout: {@code session:<uuid>}. */
    record OneSession(UUID sessionId) implements SessionEviction {
        @Override
        public String message() {
            return "session:" + sessionId;
        }
    }

    /** Every session of a user, e.g. after a password change or a new name: {@code user:<id>}. */
    record AllOfUser(long userId) implements SessionEviction {
        @Override
        public String message() {
            return "user:" + userId;
        }
    }

    /** The eviction a message asks for; empty for a message this version does not know. */
    static Optional<SessionEviction> parse(String message) {
        var colon = message.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        var value = message.substring(colon + 1);
        try {
            return switch (message.substring(0, colon)) {
                case "session" -> Optional.of(new OneSession(UUID.fromString(value)));
                case "user" -> Optional.of(new AllOfUser(Long.parseLong(value)));
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
