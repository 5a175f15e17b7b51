package agora.moderation.web;

import java.util.List;

import agora.moderation.internal.ActionTaken;

/** The answer to every moderator action. */
final class Actions {

    private Actions() {
    }

    static ModerationJson.ActionResponse response(ActionTaken done, Usernames usernames) {
        var names = usernames.of(List.of(done.entry().actorId()));
        return new ModerationJson.ActionResponse(ModerationJson.Entry.of(done.entry(), names), done.reportsClosed());
    }
}
