package agora.moderation.web;

import java.time.Clock;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.moderation.internal.ActionTaken;
import agora.moderation.internal.ModeratorActions;
import agora.moderation.internal.ReportRules;
import agora.moderation.internal.SubjectKind;
import agora.moderation.internal.SuspensionRules;

/** Hiding and restoring content, suspending and reinstating accounts; each answers its audit entry. */
@RestController
class ModeratorActionsController {

    private final ModeratorActions actions;
    private final Usernames usernames;
    private final Clock clock;

    ModeratorActionsController(ModeratorActions actions, Usernames usernames, Clock clock) {
        this.actions = actions;
        this.usernames = usernames;
        this.clock = clock;
    }

    @PostMapping("/api/admin/posts/{slug}/hide")
    ModerationJson.ActionResponse hidePost(CurrentUser moderator, @PathVariable String slug,
            @RequestBody ModerationJson.Because request) {
        return respond(actions.hide(moderator.id(), SubjectKind.POST, slug, reason(request)));
    }

    @PostMapping("/api/admin/posts/{slug}/restore")
    ModerationJson.ActionResponse restorePost(CurrentUser moderator, @PathVariable String slug,
            @RequestBody ModerationJson.Because request) {
        return respond(actions.restore(moderator.id(), SubjectKind.POST, slug, reason(request)));
    }

    @PostMapping("/api/admin/comments/{id}/hide")
    ModerationJson.ActionResponse hideComment(CurrentUser moderator, @PathVariable long id,
            @RequestBody ModerationJson.Because request) {
        return respond(actions.hide(moderator.id(), SubjectKind.COMMENT, Long.toString(id), reason(request)));
    }

    @PostMapping("/api/admin/comments/{id}/restore")
    ModerationJson.ActionResponse restoreComment(CurrentUser moderator, @PathVariable long id,
            @RequestBody ModerationJson.Because request) {
        return respond(actions.restore(moderator.id(), SubjectKind.COMMENT, Long.toString(id), reason(request)));
    }

    @PostMapping("/api/admin/products/{id}/hide")
    ModerationJson.ActionResponse hideProduct(CurrentUser moderator, @PathVariable String id,
            @RequestBody ModerationJson.Because request) {
        return respond(actions.hide(moderator.id(), SubjectKind.PRODUCT, id, reason(request)));
    }

    @PostMapping("/api/admin/products/{id}/restore")
    ModerationJson.ActionResponse restoreProduct(CurrentUser moderator, @PathVariable String id,
            @RequestBody ModerationJson.Because request) {
        return respond(actions.restore(moderator.id(), SubjectKind.PRODUCT, id, reason(request)));
    }

    /** {@code until} null or absent: for good. */
    @PostMapping("/api/admin/users/{username}/suspend")
    ModerationJson.ActionResponse suspend(CurrentUser moderator, @PathVariable String username,
            @RequestBody ModerationJson.SuspendRequest request) {
        var until = SuspensionRules.until(request.until(), clock.instant());
        return respond(actions.suspend(moderator.id(), username, until, ReportRules.moderatorReason(request.reason())));
    }

    @PostMapping("/api/admin/users/{username}/unsuspend")
    ModerationJson.ActionResponse unsuspend(CurrentUser moderator, @PathVariable String username,
            @RequestBody ModerationJson.Because request) {
        return respond(actions.unsuspend(moderator.id(), username, reason(request)));
    }

    private static String reason(ModerationJson.Because request) {
        return ReportRules.moderatorReason(request.reason());
    }

    private ModerationJson.ActionResponse respond(ActionTaken done) {
        return Actions.response(done, usernames);
    }
}
