package agora.moderation.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import agora.accounts.CurrentUser;
import agora.moderation.internal.ReportRules;
import agora.moderation.internal.Reports;
import agora.platform.ApiException;

/** Anyone signed in reports a post, comment, product or user. */
@RestController
class ReportsController {

    private final Reports reports;

    ReportsController(Reports reports) {
        this.reports = reports;
    }

    /** 201 with the new report; 200 with the reporter's open report on the same subject, which stays as it was. */
    @PostMapping("/api/reports")
    ResponseEntity<ModerationJson.ReportResponse> report(CurrentUser user,
            @RequestBody ModerationJson.NewReportRequest request) {
        var report = request.report();
        if (report == null) {
            throw ApiException.invalid("report", "is required");
        }
        var filed = reports.file(user.id(),
                ReportRules.check(report.kind(), report.subject(), report.reason(), report.text()));
        return ResponseEntity.status(filed.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ModerationJson.ReportResponse(ModerationJson.ReportView.of(filed.report())));
    }
}
