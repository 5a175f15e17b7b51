import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs through a cluster's balancer from 16 keep-alive clients, each 30-70 ms apart, for a number of seconds, and
 * prints how many were answered and which were not (a 5xx, or no answer): run it while nodes restart or nginx
 * reloads. The POST is one Agora refuses at once (401, no token), so the figure is about the balancer.
 *   java bench/cluster/Posts.java http://127.0.0.1:<LB_PORT> <seconds>
 */
public class Posts {

    public static void main(String[] args) throws Exception {
        var balancer = args[0];
        var end = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[1])).toNanos();
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var answered = new AtomicLong();
        var lost = new ConcurrentLinkedQueue<String>();
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var i = 0; i < 16; i++) {
                clients.submit(() -> {
                    while (System.nanoTime() < end) {
                        var request = HttpRequest.newBuilder(URI.create(balancer + "/api/articles"))
                                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"article\":{}}")).build();
                        try {
                            var status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (status >= 500) {
                                lost.add(Instant.now() + " " + status);
                            } else {
                                answered.incrementAndGet();
                            }
                        } catch (java.io.IOException e) {
                            lost.add(Instant.now() + " " + e);
                        }
                        Thread.sleep(30 + ThreadLocalRandom.current().nextInt(40));
                    }
                    return null;
                });
            }
        }
        System.out.printf("answered %d, lost %d%n", answered.get(), lost.size());
        lost.forEach(System.out::println);
    }
}
