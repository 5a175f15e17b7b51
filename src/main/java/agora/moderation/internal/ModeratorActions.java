package agora.moderation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.accounts.AccountModeration;
import agora.accounts.Role;
import agora.catalog.ProductModeration;
import agora.moderation.ReportClosed;
import agora.platform.ApiException;
import agora.social.PostModeration;

/**
 * What moderators do, each in one transaction with its audit entry: the change, the entry and the closed reports
 * (with their {@link ReportClosed} events) commit together or not at all. Hiding content or suspending an account
 * closes the subject's open reports as actioned; restoring and lifting close none (they undo an action).
 */
@Service
public class ModeratorActions {

    private final Subjects subjects;
    private final PostModeration posts;
    private final ProductModeration products;
    private final AccountModeration accounts;
    private final ReportRepository reports;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ModeratorActions(Subjects subjects, PostModeration posts, ProductModeration products, AccountModeration accounts,
            ReportRepository reports, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.subjects = subjects;
        this.posts = posts;
        this.products = products;
        this.accounts = accounts;
        this.reports = reports;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Hides a post, comment or product from everyone but its owner. */
    @Transactional
    public ActionTaken hide(long moderatorId, SubjectKind kind, String id, String reason) {
        var subject = subjects.require(kind, id);
        var done = switch (kind) {
            case POST -> posts.hidePost(subject.id(), reason);
            case COMMENT -> posts.hideComment(Long.parseLong(subject.id()), reason);
            case PRODUCT -> products.hide(subject.id(), reason);
            case USER -> throw new IllegalArgumentException("users are suspended, not hidden");
        };
        return acted(done, moderatorId, AuditAction.HIDE, subject, reason, null, ReportState.ACTIONED);
    }

    @Transactional
    public ActionTaken restore(long moderatorId, SubjectKind kind, String id, String reason) {
        var subject = subjects.require(kind, id);
        var done = switch (kind) {
            case POST -> posts.restorePost(subject.id());
            case COMMENT -> posts.restoreComment(Long.parseLong(subject.id()));
            case PRODUCT -> products.restore(subject.id());
            case USER -> throw new IllegalArgumentException("users are reinstated, not restored");
        };
        return acted(done, moderatorId, AuditAction.RESTORE, subject, reason, null, null);
    }

    /** @param until when it ends (already checked to be in the future), or null for good */
    @Transactional
    public ActionTaken suspend(long moderatorId, String username, Instant until, String reason) {
        var subject = subjects.require(SubjectKind.USER, username);
        SuspensionRules.checkMayActOn(moderatorId, subject.ownerId(), accounts.roles(subject.ownerId()), "suspend");
        accounts.suspend(subject.ownerId(), until, reason);
        return acted(true, moderatorId, AuditAction.SUSPEND, subject, reason, SuspensionRules.detail(until),
                ReportState.ACTIONED);
    }

    @Transactional
    public ActionTaken unsuspend(long moderatorId, String username, String reason) {
        var subject = subjects.require(SubjectKind.USER, username);
        SuspensionRules.checkMayActOn(moderatorId, subject.ownerId(), accounts.roles(subject.ownerId()), "reinstate");
        if (!accounts.liftSuspension(subject.ownerId())) {
            throw ApiException.conflict("not-suspended", "username", subject.id() + " is not suspended");
        }
        return acted(true, moderatorId, AuditAction.UNSUSPEND, subject, reason, null, null);
    }

    /** Closes the report and every other open report on its subject: the moderator looked and took no action. */
    @Transactional
    public ActionTaken dismiss(long moderatorId, long reportId, String reason) {
        var report = reports.find(reportId).orElseThrow(() -> ApiException.notFound("report"));
        if (report.state() != ReportState.OPEN) {
            throw ApiException.conflict("report-closed", "report", "the report is " + report.state().wire() + " already");
        }
        var subject = new ReportedSubject(report.kind(), report.subjectId(), report.ownerId());
        return acted(true, moderatorId, AuditAction.DISMISS, subject, reason, null, ReportState.DISMISSED);
    }

    /** Admins only (the security configuration guards the path); an admin does not change their own roles. */
    @Transactional
    public ActionTaken changeRoles(long adminId, String username, Set<Role> roles, String reason) {
        var subject = subjects.require(SubjectKind.USER, username);
        if (subject.ownerId() == adminId) {
            throw ApiException.invalid("username", "you cannot change your own roles");
        }
        try {
            accounts.changeRoles(subject.ownerId(), roles);
        } catch (IllegalStateException lastAdmin) {
            throw ApiException.conflict("last-admin", "roles", lastAdmin.getMessage());
        }
        // read back: an admin is a moderator too, whatever the request listed
        var granted = accounts.roles(subject.ownerId());
        return acted(true, adminId, AuditAction.ROLES, subject, reason, RoleNames.describe(granted), null);
    }

    public Set<Role> roles(long userId) {
        return accounts.roles(userId);
    }

    private ActionTaken acted(boolean done, long moderatorId, AuditAction action, ReportedSubject subject,
            String reason, String detail, ReportState closes) {
        if (!done) {
            throw ApiException.notFound(subject.kind().wire());
        }
        var now = clock.instant();
        var entry = audit.append(moderatorId, action, subject, reason, detail, now);
        if (closes == null) {
            return new ActionTaken(entry, 0);
        }
        var closed = reports.closeOpen(subject.kind(), subject.id(), closes, moderatorId, now);
        var outcome = closes == ReportState.ACTIONED ? ReportClosed.Outcome.ACTIONED : ReportClosed.Outcome.DISMISSED;
        closed.forEach(r -> events.publishEvent(
                new ReportClosed(r.id(), r.reporterId(), r.kind().wire(), r.subjectId(), outcome)));
        return new ActionTaken(entry, closed.size());
    }
}
