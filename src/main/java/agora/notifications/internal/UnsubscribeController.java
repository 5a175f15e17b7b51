package agora.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /api/notifications/unsubscribe?token=…}, the link in an email's {@code List-Unsubscribe} header. No sign-in:
 * the signed token is the authority (the route counts against the anonymous rate limits like any other). A POST
 * (what mail clients send, RFC 8058) turns the email off; a GET only shows a page with a button that posts, because
 * mail scanners fetch links and must not unsubscribe anyone.
 */
@RestController
class UnsubscribeController {

    record Answer(boolean unsubscribed, List<String> types, String detail) {
    }

    private final OneClickUnsubscribe unsubscribe;

    UnsubscribeController(OneClickUnsubscribe unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    @GetMapping(OneClickUnsubscribe.PATH)
    ResponseEntity<String> confirm(@RequestParam String token) {
        var link = unsubscribe.check(token);
        var what = link.topic().equals(UnsubscribeLink.DIGEST) ? "the daily digest"
                : "emails about “" + link.topic().replace('_', ' ') + "” notifications";
        return html(page("Unsubscribe", "<p>Stop " + HtmlUtils.htmlEscape(what) + " from Agora?</p>"
                + "<form method=\"post\" action=\"" + OneClickUnsubscribe.PATH + "?token=" + HtmlUtils.htmlEscape(token)
                + "\"><button type=\"submit\">Unsubscribe</button></form>"
                + "<p>You can change every email setting on your account page.</p>"));
    }

    /** Answers JSON, or a page when a browser posted the confirmation form. */
    @PostMapping(OneClickUnsubscribe.PATH)
    ResponseEntity<?> unsubscribe(@RequestParam String token,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        var outcome = unsubscribe.unsubscribe(token);
        var answer = new Answer(!outcome.replayed(), outcome.turnedOff().stream().map(ApiNames::of).toList(),
                outcome.replayed() ? "this link was used before; your settings were not changed"
                        : "you will get no more of these emails");
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return html(page("Unsubscribe", "<p>" + HtmlUtils.htmlEscape(answer.detail()) + ".</p>"));
        }
        return ResponseEntity.ok(answer);
    }

    private static ResponseEntity<String> html(String page) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page);
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>" + title
                + " – Agora</title></head><body style=\"font-family: sans-serif\"><h1>" + title + "</h1>" + body
                + "</body></html>";
    }
}
