package agora.moderation.web;

import java.util.HashSet;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.UserDirectory;
import agora.moderation.internal.AuditLog;
import agora.platform.ApiException;

/**
 * The audit log, newest first, for moderators. Read-only: no endpoint changes or removes an entry (PUT and DELETE
 * here answer 405).
 */
@RestController
class AuditController {

    private final AuditLog audit;
    private final UserDirectory directory;
    private final Usernames usernames;

    AuditController(AuditLog audit, UserDirectory directory, Usernames usernames) {
        this.audit = audit;
        this.directory = directory;
        this.usernames = usernames;
    }

    /**
     * @param actor only this moderator's actions (a username)
     * @param subject only actions on this subject id (slug, comment id, product id or username)
     * @param cursor the {@code nextCursor} of the page before
     */
    @GetMapping("/api/admin/audit")
    ModerationJson.AuditResponse audit(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String subject) {
        var pageSize = PageSize.of(limit);
        var before = cursor == null ? null : parseCursor(cursor);
        Long actorId = null;
        if (actor != null) {
            var found = directory.findByUsername(actor);
            if (found.isEmpty()) {
                return new ModerationJson.AuditResponse(List.of(), null);
            }
            actorId = found.get().id();
        }
        var entries = audit.page(actorId, subject, before, pageSize + 1);
        var more = entries.size() > pageSize;
        var page = more ? entries.subList(0, pageSize) : entries;
        var people = new HashSet<Long>();
        page.forEach(e -> people.add(e.actorId()));
        var names = usernames.of(people);
        return new ModerationJson.AuditResponse(page.stream().map(e -> ModerationJson.Entry.of(e, names)).toList(),
                more ? Long.toString(page.getLast().id()) : null);
    }

    private static long parseCursor(String cursor) {
        try {
            var id = Long.parseLong(cursor);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ApiException.invalid("cursor", "is not a cursor of this list");
    }
}
