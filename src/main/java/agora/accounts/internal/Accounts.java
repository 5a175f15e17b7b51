package agora.accounts.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongConsumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import agora.accounts.EmailChanged;
import agora.accounts.PasswordChanged;
import agora.accounts.UserProfileChanged;
import agora.accounts.UserRegistered;
import agora.media.ImageOwner;
import agora.media.Images;
import agora.platform.ApiException;

/**
 * Registration and changes to a user's own account. Registering, and changing the email address, send a
 * verification email; a new password or address is announced by a security notice.
 */
@Service
public class Accounts {

    /**
     * Fields a user may change; null means "leave as is". {@code image} is an http(s) URL, an uploaded image's id
     * ({@code img_…}, which becomes the avatar), or empty for none.
     */
    public record Changes(String email, String username, String password, String bio, String image) {

        /** Whether these changes replace what signs {@code user} in (a new password, another address): sensitive. */
        public boolean replaceCredentialsOf(User user) {
            return password != null || email != null && !AccountRules.key(email).equals(AccountRules.key(user.email()));
        }
    }

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwords;
    private final Sessions sessions;
    private final EmailVerification verification;
    private final EmailTokens tokens;
    private final LoginChallenges challenges;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final EmailLimits emailLimits;
    private final Images images;
    private final SecurityLog securityLog;
    private final Clock clock;

    Accounts(UserRepository users, PasswordHasher hasher, PasswordPolicy passwords, Sessions sessions,
            EmailVerification verification, EmailTokens tokens, LoginChallenges challenges,
            ApplicationEventPublisher events, TransactionTemplate transaction, EmailLimits emailLimits, Images images,
            SecurityLog securityLog, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.passwords = passwords;
        this.sessions = sessions;
        this.verification = verification;
        this.tokens = tokens;
        this.challenges = challenges;
        this.events = events;
        this.transaction = transaction;
        this.emailLimits = emailLimits;
        this.images = images;
        this.securityLog = securityLog;
        this.clock = clock;
    }

    /**
     * Creates the user and opens a first session; answers the user and its token. The password is hashed
     * before the transaction starts, so the slow part holds no database connection.
     */
    public Login.SignedIn register(String username, String email, String password) {
        checkNewAccount(username, email, passwords.problems(password));
        emailLimits.toAddress(email);
        return create(username, email, hasher.hash(password), id -> { });
    }

    /** 422 with every problem of a proposed account: its username and email (rules, then uniqueness), its password. */
    void checkNewAccount(String username, String email, List<String> passwordProblems) {
        var errors = new LinkedHashMap<String, List<String>>();
        check(errors, "username", AccountRules.username(username));
        check(errors, "email", AccountRules.email(email));
        check(errors, "password", passwordProblems);
        if (errors.isEmpty()) {
            checkUnique(errors, username, email, 0);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /**
     * Creates a checked account, announces it and emails the verification link, and opens its first session, in one
     * transaction with {@code alsoCreate} (given the new id). {@code passwordHash} null: the account has no password.
     */
    Login.SignedIn create(String username, String email, String passwordHash, LongConsumer alsoCreate) {
        try {
            return transaction.execute(tx -> {
                var id = users.insert(username.strip(), email.strip(), passwordHash, User.Role.USER, clock.instant());
                alsoCreate.accept(id);
                var user = users.findById(id).orElseThrow();
                events.publishEvent(new UserRegistered(id, user.username()));
                verification.issue(id, user.email());
                return new Login.SignedIn(user, sessions.open(id), false);
            });
        } catch (DuplicateKeyException raced) {
            var errors = new LinkedHashMap<String, List<String>>();
            checkUnique(errors, username, email, 0);
            throw ApiException.invalid(errors.isEmpty() ? Map.of("username", List.of("has already been taken")) : errors);
        }
    }

    public User find(long id) {
        return users.findById(id).orElseThrow(() -> ApiException.unauthorized("this account no longer exists"));
    }

    /**
     * Applies the changes; a new password ends every other session of the user. As in {@link #register}, a new
     * password is hashed before the transaction starts, so the slow part holds no database connection.
     */
    public User update(long userId, UUID currentSession, Changes changes) {
        var errors = new LinkedHashMap<String, List<String>>();
        if (changes.username() != null) {
            check(errors, "username", AccountRules.username(changes.username()));
        }
        if (changes.email() != null) {
            check(errors, "email", AccountRules.email(changes.email()));
        }
        if (changes.password() != null) {
            check(errors, "password", passwords.problems(changes.password()));
        }
        check(errors, "bio", AccountRules.bio(changes.bio()));
        if (changes.image() != null && !AccountRules.isUpload(changes.image())
                && !changes.image().equals(find(userId).image())) { // clients send the avatar's own URL back
            check(errors, "image", AccountRules.image(changes.image()));
        }
        if (errors.isEmpty()) {
            checkUnique(errors, changes.username(), changes.email(), userId);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (changes.password() != null) {
            emailLimits.forAccount(userId); // a new password is announced by email
        }
        var passwordHash = changes.password() != null ? hasher.hash(changes.password()) : null;
        return transaction.execute(tx -> apply(userId, currentSession, changes, passwordHash));
    }

    private User apply(long userId, UUID currentSession, Changes changes, String passwordHash) {
        var user = find(userId);
        var email = changes.email() != null ? changes.email().strip() : user.email();
        var emailChanged = !AccountRules.key(email).equals(AccountRules.key(user.email()));
        if (emailChanged) {
            // Each change emails the new address and the old one: without a limit, flipping the address back
            // and forth floods someone else's inbox.
            emailLimits.forAccount(userId);
            emailLimits.toAddress(email);
        }
        var updated = new User(user.id(),
                changes.username() != null ? changes.username().strip() : user.username(),
                email,
                passwordHash != null ? passwordHash : user.passwordHash(),
                changes.bio() != null ? changes.bio() : user.bio(),
                image(user, changes.image()),
                user.role(),
                emailChanged ? null : user.emailVerifiedAt());
        var now = clock.instant();
        try {
            users.update(updated, now);
        } catch (DuplicateKeyException raced) {
            throw ApiException.invalid(Map.of("username or email", List.of("has already been taken")));
        }
        if (passwordHash != null) {
            securityLog.byOwner(userId, SecurityEventKind.PASSWORD_CHANGED, false, null);
            sessions.revokeAllExcept(userId, currentSession);
            challenges.deleteAllOf(userId);
            events.publishEvent(new PasswordChanged(userId, now));
        }
        if (emailChanged) {
            // Links sent to the old address must not verify (or reset) the account any more.
            tokens.voidUnused(userId, EmailTokens.Purpose.VERIFY_EMAIL, now);
            tokens.voidUnused(userId, EmailTokens.Purpose.RESET_PASSWORD, now);
            securityLog.byOwner(userId, SecurityEventKind.EMAIL_CHANGED, false, null);
            events.publishEvent(new EmailChanged(userId, user.email(), email, now));
            verification.issue(userId, email);
        }
        if (!updated.username().equals(user.username()) || !Objects.equals(updated.bio(), user.bio())
                || !Objects.equals(updated.image(), user.image())) {
            events.publishEvent(new UserProfileChanged(userId));
        }
        if (!updated.username().equals(user.username())) {
            sessions.refresh(userId);
        }
        return updated;
    }

    /**
     * The avatar after a change: an upload becomes it (its medium size; attaching replaces, so the previous
     * upload is deleted), and a URL or none deletes the uploaded one it replaces.
     */
    private String image(User user, String changed) {
        if (changed == null || changed.equals(user.image())) {
            return user.image();
        }
        var avatar = ImageOwner.avatar(user.id());
        if (AccountRules.isUpload(changed)) {
            return images.attach(avatar, user.id(), List.of(changed), "image").getFirst().medium();
        }
        images.release(avatar);
        return emptyToNull(changed);
    }

    private void checkUnique(Map<String, List<String>> errors, String username, String email, long exceptId) {
        if (username != null && users.usernameTaken(username, exceptId)) {
            errors.put("username", List.of("has already been taken"));
        }
        if (email != null && users.emailTaken(email, exceptId)) {
            errors.put("email", List.of("has already been taken"));
        }
    }

    private static void check(Map<String, List<String>> errors, String field, List<String> problems) {
        if (!problems.isEmpty()) {
            errors.put(field, problems);
        }
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
