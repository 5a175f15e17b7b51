package agora.moderation.web;

import java.util.HashSet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.moderation.internal.ModeratorActions;
import agora.moderation.internal.QueueCursor;
import agora.moderation.internal.ReportQueue;
import agora.moderation.internal.ReportRules;
import agora.moderation.internal.ReportState;
import agora.moderation.internal.SubjectKind;
import agora.platform.ApiException;

/** The moderators' report queue, and dismissing reports (the security configuration admits moderators only). */
@RestController
class ReportQueueController {

    private final ReportQueue queue;
    private final ModeratorActions actions;
    private final Usernames usernames;

    ReportQueueController(ReportQueue queue, ModeratorActions actions, Usernames usernames) {
        this.queue = queue;
        this.actions = actions;
        this.usernames = usernames;
    }

    @GetMapping("/api/admin/reports")
    ModerationJson.QueueResponse queue(@RequestParam(required = false) String state,
            @RequestParam(required = false) String kind, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        var wantedState = state == null ? ReportState.OPEN : ReportState.parse(state)
                .orElseThrow(() -> ApiException.invalid("state", "must be open, actioned or dismissed"));
        var wantedKind = kind == null ? null : SubjectKind.parse(kind)
                .orElseThrow(() -> ApiException.invalid("kind", "must be one of " + SubjectKind.names()));
        var after = cursor == null ? null : QueueCursor.parse(cursor)
                .orElseThrow(() -> ApiException.invalid("cursor", "is not a cursor of this list"));
        var page = queue.page(wantedState, wantedKind, after, PageSize.of(limit));
        var people = new HashSet<Long>();
        page.entries().forEach(e -> {
            people.add(e.ownerId());
            e.reports().forEach(r -> people.add(r.reporterId()));
        });
        var names = usernames.of(people);
        return new ModerationJson.QueueResponse(
                page.entries().stream().map(e -> ModerationJson.QueuedSubject.of(e, names)).toList(),
                page.next() == null ? null : page.next().encode());
    }

    /** Closes this report and every other open one on its subject as dismissed; each reporter is told. */
    @PostMapping("/api/admin/reports/{id}/dismiss")
    ModerationJson.ActionResponse dismiss(CurrentUser moderator, @PathVariable long id,
            @RequestBody ModerationJson.Because request) {
        var done = actions.dismiss(moderator.id(), id, ReportRules.moderatorReason(request.reason()));
        return Actions.response(done, usernames);
    }
}
