package agora.moderation.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.moderation.internal.ModeratorActions;
import agora.moderation.internal.ReportRules;
import agora.moderation.internal.RoleNames;
import agora.moderation.internal.SubjectKind;
import agora.moderation.internal.Subjects;

/** Who moderates: admins only (the security configuration guards the path); every change is audited. */
@RestController
class RolesController {

    private final ModeratorActions actions;
    private final Subjects subjects;

    RolesController(ModeratorActions actions, Subjects subjects) {
        this.actions = actions;
        this.subjects = subjects;
    }

    @GetMapping("/api/admin/users/{username}/roles")
    ModerationJson.RolesResponse roles(@PathVariable String username) {
        var user = subjects.require(SubjectKind.USER, username);
        return new ModerationJson.RolesResponse(
                new ModerationJson.UserRoles(user.id(), RoleNames.names(actions.roles(user.ownerId()))));
    }

    /** Replaces the user's roles ({@code []} takes them all away); their sessions end, so new tokens carry them. */
    @PutMapping("/api/admin/users/{username}/roles")
    ModerationJson.RolesResponse changeRoles(CurrentUser admin, @PathVariable String username,
            @RequestBody ModerationJson.RolesRequest request) {
        var roles = RoleNames.parse(request.roles());
        var reason = request.reason() == null ? null : ReportRules.moderatorReason(request.reason());
        var done = actions.changeRoles(admin.id(), username, roles, reason);
        var user = subjects.require(SubjectKind.USER, done.entry().subjectId());
        return new ModerationJson.RolesResponse(
                new ModerationJson.UserRoles(user.id(), RoleNames.names(actions.roles(user.ownerId()))));
    }
}
