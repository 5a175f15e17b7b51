package agora.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import agora.accounts.EmailChanged;
import agora.accounts.EmailVerificationRequested;
import agora.accounts.PasswordChanged;
import agora.accounts.PasswordResetRequested;
import agora.accounts.SignInLinkIssued;
import agora.accounts.TwoFactorDisabled;
import agora.accounts.TwoFactorEnabled;
import agora.accounts.UserContacts;
import agora.accounts.UserDeleted;

/**
 * The emails of the account lifecycle. Each listener runs after the publishing transaction commits, in a
 * transaction of its own, and only records the email (delivery follows); the event publication registry
 * hands the event over again if that does not complete. Emails for tokens expire with the token.
 */
@Component
class AccountEmails {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Mailroom mailroom;
    private final EmailOutbox outbox;
    private final UserContacts contacts;
    private final String appUrl;

    AccountEmails(Mailroom mailroom, EmailOutbox outbox, UserContacts contacts, NotificationsProperties properties) {
        this.mailroom = mailroom;
        this.outbox = outbox;
        this.contacts = contacts;
        this.appUrl = properties.appUrl();
    }

    @ApplicationModuleListener
    void on(EmailVerificationRequested event) {
        contacts.contactOf(event.userId()).ifPresent(user -> mailroom.post(new Email(
                "verify-email:" + sha256(event.token()), event.userId(), event.email(), "verify-email",
                Map.of("username", user.username(), "token", event.token(),
                        "link", appUrl + "/verify-email?token=" + event.token(),
                        "expiresAt", WHEN.format(event.expiresAt())),
                event.expiresAt())));
    }

    @ApplicationModuleListener
    void on(PasswordResetRequested event) {
        contacts.contactOf(event.userId()).ifPresent(user -> mailroom.post(new Email(
                "password-reset:" + sha256(event.token()), event.userId(), event.email(), "password-reset",
                Map.of("username", user.username(), "token", event.token(),
                        "link", appUrl + "/reset-password?token=" + event.token(),
                        "expiresAt", WHEN.format(event.expiresAt())),
                event.expiresAt())));
    }

    /** The link opens the web UI, which signs in with a POST: a mail scanner following it uses nothing up. */
    @ApplicationModuleListener
    void on(SignInLinkIssued event) {
        contacts.contactOf(event.userId()).ifPresent(user -> mailroom.post(new Email(
                "sign-in-link:" + sha256(event.token()), event.userId(), event.email(), "sign-in-link",
                Map.of("username", user.username(), "token", event.token(),
                        "link", appUrl + "/sign-in-link?token=" + event.token(),
                        "expiresAt", WHEN.format(event.expiresAt())),
                event.expiresAt())));
    }

    @ApplicationModuleListener
    void on(PasswordChanged event) {
        securityNotice("password-changed", event.userId(), event.changedAt());
    }

    @ApplicationModuleListener
    void on(TwoFactorEnabled event) {
        securityNotice("two-factor-enabled", event.userId(), event.enabledAt());
    }

    @ApplicationModuleListener
    void on(TwoFactorDisabled event) {
        securityNotice("two-factor-disabled", event.userId(), event.disabledAt());
    }

    /** Goes to the old address: if someone else made the change, the owner hears of it there. */
    @ApplicationModuleListener
    void on(EmailChanged event) {
        contacts.contactOf(event.userId()).ifPresent(user -> mailroom.post(new Email(
                "email-changed:" + event.userId() + ":" + event.changedAt().toEpochMilli(), event.userId(),
                event.oldEmail(), "email-changed",
                Map.of("username", user.username(), "newEmail", masked(event.newEmail()),
                        "when", WHEN.format(event.changedAt())),
                null)));
    }

    /** A deleted account's emails go too, delivered or not: they hold its address. */
    @ApplicationModuleListener
    void on(UserDeleted event) {
        outbox.deleteAllOf(event.userId());
    }

    private void securityNotice(String template, long userId, Instant when) {
        contacts.contactOf(userId).ifPresent(user -> mailroom.post(new Email(
                template + ":" + userId + ":" + when.toEpochMilli(), userId, user.email(), template,
                Map.of("username", user.username(), "when", WHEN.format(when)), null)));
    }

    /** "j***@example.com": enough for the owner to recognise, not enough to harvest. */
    static String masked(String email) {
        var at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
