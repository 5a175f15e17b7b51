package agora.accounts.internal;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "This wasn't me", from the link of a new-device email: ends every session of the account and emails a password
 * reset, so whoever signed in is out and the owner can choose a password the intruder does not know. The link
 * works once.
 */
@Service
public class NotMe {

    private final EmailTokens tokens;
    private final UserRepository users;
    private final Sessions sessions;
    private final PasswordReset reset;
    private final Clock clock;

    NotMe(EmailTokens tokens, UserRepository users, Sessions sessions, PasswordReset reset, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.sessions = sessions;
        this.reset = reset;
        this.clock = clock;
    }

    /** 422 for a token that is unknown, used or expired. */
    @Transactional
    public void disown(String token) {
        if (!RandomTokens.plausible(token)) {
            throw EmailVerification.invalidToken();
        }
        var hash = RandomTokens.hash(token);
        var now = clock.instant();
        var issued = tokens.findUsable(hash, EmailTokens.Purpose.NOT_ME, now)
                .orElseThrow(EmailVerification::invalidToken);
        var user = users.findById(issued.userId()).orElseThrow(EmailVerification::invalidToken);
        if (!tokens.use(hash, now)) {
            throw EmailVerification.invalidToken();
        }
        sessions.revokeAll(user.id());
        reset.issue(user);
    }
}
