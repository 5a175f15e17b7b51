package agora.notifications;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A real HTTP client reading a Server-Sent Events stream line by line, as a browser would: each event (or comment)
 * lands in a queue as it arrives; the end of the stream is an {@link Event#END} event.
 */
final class SseClient implements AutoCloseable {

    /** One event; a comment is an event named {@code :} with the comment as its data. */
    record Event(String name, String id, String data, Long retry) {
        static final Event END = new Event("end", null, null, null);

        boolean isComment() {
            return ":".equals(name);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    static SseClient open(String url, String authorization, String lastEventId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    private void read() {
        String name = null;
        String id = null;
        Long retry = null;
        var data = new ArrayList<String>();
        try (var lines = response.body()) {
            for (var line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (name != null || !data.isEmpty() || retry != null) {
                        events.add(new Event(name == null ? "message" : name, id, String.join("\n", data), retry));
                    }
                    name = null;
                    id = null;
                    retry = null;
                    data.clear();
                } else if (line.startsWith(":")) {
                    events.add(new Event(":", null, line.substring(1).strip(), null));
                } else {
                    var colon = line.indexOf(':');
                    var field = colon < 0 ? line : line.substring(0, colon);
                    var value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "event" -> name = value;
                        case "id" -> id = value;
                        case "data" -> data.add(value);
                        case "retry" -> retry = Long.parseLong(value);
                        default -> {
                        }
                    }
                }
            }
        } catch (RuntimeException closed) {
            // the stream broke: that is its end too
        }
        events.add(Event.END);
    }

    /** The next event (comments included), or null when none came in time. */
    Event next(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event that matches, skipping others; null when none came in time or the stream ended first. */
    Event next(Predicate<Event> matching, Duration wait) throws InterruptedException {
        var deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            var event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null || event == Event.END || matching.test(event)) {
                return event == Event.END && !matching.test(event) ? null : event;
            }
        }
    }

    /** The next event of this name (comments and other events skipped). */
    Event next(String name, Duration wait) throws InterruptedException {
        return next(e -> name.equals(e.name()), wait);
    }

    /** Every event (no comments) that arrives within the wait. */
    List<Event> drain(Duration wait) throws InterruptedException {
        var all = new ArrayList<Event>();
        var deadline = System.nanoTime() + wait.toNanos();
        Event event;
        while ((event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            if (!event.isComment()) {
                all.add(event);
            }
        }
        return all;
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            response.body().close();
        } catch (RuntimeException ignored) {
            // already closed
        }
    }
}
