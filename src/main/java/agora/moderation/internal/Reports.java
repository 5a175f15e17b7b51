package agora.moderation.internal;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import agora.platform.ApiException;

/** Filing reports: on a subject that exists, not one's own, and at most one open per reporter and subject. */
@Service
public class Reports {

    private final ReportRepository reports;
    private final Subjects subjects;
    private final Clock clock;

    Reports(ReportRepository reports, Subjects subjects, Clock clock) {
        this.reports = reports;
        this.subjects = subjects;
        this.clock = clock;
    }

    /** @param created false when the reporter's open report on the subject is answered instead */
    public record Filed(Report report, boolean created) {
    }

    /** A second report on the same subject while the first is open answers the first, unchanged. */
    @Transactional
    public Filed file(long reporterId, ReportRules.NewReport request) {
        var subject = subjects.require(request.kind(), request.subject());
        ReportRules.checkNotOwn(reporterId, subject);
        var id = reports.insertOpen(reporterId, subject, request.reason(), request.text(), clock.instant());
        if (id.isPresent()) {
            return new Filed(reports.find(id.get()).orElseThrow(), true);
        }
        return reports.findOpen(reporterId, subject.kind(), subject.id()).map(r -> new Filed(r, false))
                // closed between the insert and the look-up: the reporter may simply try again
                .orElseThrow(() -> ApiException.conflict("conflict", "report", "the report was closed meanwhile; try again"));
    }
}
