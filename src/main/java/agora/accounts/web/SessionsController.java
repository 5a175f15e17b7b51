package agora.accounts.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.accounts.internal.ListedSession;
import agora.accounts.internal.NotMe;
import agora.accounts.internal.Sessions;
import agora.platform.ApiException;
import agora.platform.Timestamps;

/**
 * The signed-in user's own sessions: list them, end one, end all but this one; and "this wasn't me" from the link
 * of a new-device email. Only the owner's sessions can be seen or ended: another's id answers 404.
 */
@RestController
class SessionsController {

    record SessionJson(String id, String createdAt, String lastUsedAt, String clientAddress, String userAgent,
            boolean current) {

        static SessionJson of(ListedSession session, UUID current) {
            return new SessionJson(session.id().toString(), Timestamps.format(session.createdAt()),
                    session.lastUsedAt() == null ? null : Timestamps.format(session.lastUsedAt()),
                    session.clientAddress(), session.userAgent(), session.id().equals(current));
        }
    }

    record SessionsResponse(List<SessionJson> sessions) {
    }

    private final Sessions sessions;
    private final NotMe notMe;

    SessionsController(Sessions sessions, NotMe notMe) {
        this.sessions = sessions;
        this.notMe = notMe;
    }

    @GetMapping("/api/user/sessions")
    SessionsResponse list(CurrentUser user) {
        return new SessionsResponse(
                sessions.list(user.id()).stream().map(s -> SessionJson.of(s, user.sessionId())).toList());
    }

    @DeleteMapping("/api/user/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void end(CurrentUser user, @PathVariable String id) {
        sessions.revokeOwn(user.id(), parse(id));
    }

    @PostMapping("/api/user/sessions/revoke-others")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endOthers(CurrentUser user) {
        sessions.revokeOthers(user.id(), user.sessionId());
    }

    /** Public: the token from the email is the proof. Ends every session and emails a password reset. */
    @PostMapping("/api/users/not-me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disown(@RequestBody UserJson.TokenRequest request) {
        notMe.disown(request.token());
    }

    /** A malformed id names no session of the user, like someone else's: 404. */
    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            throw ApiException.notFound("session");
        }
    }
}
