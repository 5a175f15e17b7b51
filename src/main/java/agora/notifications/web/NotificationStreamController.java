package agora.notifications.web;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import agora.accounts.CurrentUser;
import agora.notifications.internal.LiveStreams;
import agora.platform.ApiException;

/**
 * The live stream of the signed-in user's notifications (Server-Sent Events): {@code notification} events (id: the
 * position) and {@code unread-count} events. Resumes after {@code Last-Event-ID} (or {@code ?lastEventId=}, for
 * clients that cannot set the header).
 */
@RestController
class NotificationStreamController {

    private final LiveStreams streams;

    NotificationStreamController(LiveStreams streams) {
        this.streams = streams;
    }

    @GetMapping("/api/notifications/stream")
    ResponseEntity<SseEmitter> stream(CurrentUser user,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
            @RequestParam(name = "lastEventId", required = false) String lastEventIdParam) {
        var lastEventId = position(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .cacheControl(CacheControl.noCache())
                // nginx passes the events on as they come instead of buffering them.
                .header("X-Accel-Buffering", "no")
                .body(streams.open(user, lastEventId));
    }

    private static Long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            var position = Long.parseLong(lastEventId.strip());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("lastEventId", "must be the id of an event of this stream");
    }
}
