import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

/**
 * Image throughput against a running node: uploads of a 12-megapixel JPEG (4000 x 3000, made once and kept in
 * the given file) per second with a few concurrent uploaders, then GETs per second of a served size (full answers,
 * then conditional ones answered 304) with many concurrent readers. Bounded in time; loopback only.
 *
 *   java ImagesBench.java --seconds 20 --photo /tmp/agora-bench-12mp.jpg http://127.0.0.1:PORT
 */
public class ImagesBench {

    static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    static final Pattern MEDIUM = Pattern.compile("\"medium\":\"([^\"]+)\"");
    static final String BOUNDARY = "agora-bench-boundary";

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final String base;

    ImagesBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        int seconds = 20;
        Path photo = Path.of("/tmp/agora-bench-12mp.jpg");
        String url = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--photo" -> photo = Path.of(args[++i]);
                default -> url = args[i];
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("usage: ImagesBench [--seconds N] [--photo FILE] http://127.0.0.1:PORT");
        }
        var bench = new ImagesBench(url);
        var jpeg = photo(photo);
        System.out.printf("photo: 4000 x 3000 JPEG, %,d bytes (%s)%n", jpeg.length, photo);
        var token = bench.signUp();
        var first = bench.upload(token, jpeg);
        if (first.statusCode() != 201) {
            throw new IllegalStateException("upload failed: " + first.statusCode() + " " + first.body());
        }
        var medium = MEDIUM.matcher(first.body());
        medium.find();
        var imageUrl = medium.group(1);

        for (int uploaders : new int[] { 1, 2, 4 }) {
            bench.uploads(token, jpeg, uploaders, seconds);
        }
        var etag = bench.http.send(HttpRequest.newBuilder(URI.create(url + imageUrl)).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();
        bench.gets(imageUrl, null, 16, seconds);
        bench.gets(imageUrl, etag, 16, seconds);
    }

    /** A photo-like 12-megapixel JPEG: smooth gradients with grain, so it compresses like a camera's. */
    static byte[] photo(Path file) throws Exception {
        if (Files.exists(file)) {
            return Files.readAllBytes(file);
        }
        var image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
        var random = new Random(2026);
        for (int y = 0; y < 3000; y++) {
            for (int x = 0; x < 4000; x++) {
                int grain = random.nextInt(24) - 12;
                int r = clamp(x * 255 / 4000 + grain);
                int g = clamp(y * 255 / 3000 + grain);
                int b = clamp((int) (128 + 100 * Math.sin((x + y) / 150.0)) + grain);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        Files.write(file, out.toByteArray());
        return out.toByteArray();
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    String signUp() throws Exception {
        var name = "imgbench" + UUID.randomUUID().toString().substring(0, 8);
        var json = "{\"user\":{\"username\":\"%s\",\"email\":\"%s@example.com\",\"password\":\"bench-password-2026\"}}"
                .formatted(name, name);
        var response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/users"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        var token = TOKEN.matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("sign-up failed: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    HttpResponse<String> upload(String token, byte[] jpeg) throws Exception {
        var head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        var tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        var body = new byte[head.length + jpeg.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(jpeg, 0, body, head.length, jpeg.length);
        System.arraycopy(tail, 0, body, head.length + jpeg.length, tail.length);
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/images"))
                .header("Authorization", "Token " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    void uploads(String token, byte[] jpeg, int uploaders, int seconds) throws Exception {
        var results = run(uploaders, seconds, () -> upload(token, jpeg).statusCode());
        results.print("POST /api/images (12 MP JPEG), " + uploaders + " uploader(s)", seconds);
    }

    void gets(String path, String etag, int readers, int seconds) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        var built = request.build();
        var results = run(readers, seconds,
                () -> http.send(built, HttpResponse.BodyHandlers.discarding()).statusCode());
        results.print("GET " + path.replaceAll("img_\\w+", "img_…") + (etag != null ? " If-None-Match" : "") + ", "
                + readers + " readers", seconds);
    }

    interface Call {
        int status() throws Exception;
    }

    record Results(LongAdder ok, LongAdder other, List<Long> latencies) {

        void print(String what, int seconds) {
            var sorted = new ArrayList<>(latencies);
            sorted.sort(null);
            double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6;
            double p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100)) / 1e6;
            System.out.printf("%-62s %8.1f req/s   p50 %7.1f ms   p99 %7.1f ms   ok %d, other %d%n", what,
                    ok.sum() / (double) seconds, p50, p99, ok.sum(), other.sum());
        }
    }

    Results run(int clients, int seconds, Call call) throws Exception {
        var ok = new LongAdder();
        var other = new LongAdder();
        var latencies = java.util.Collections.synchronizedList(new ArrayList<Long>());
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long start = System.nanoTime();
                        int status;
                        try {
                            status = call.status();
                        } catch (Exception e) {
                            status = -1;
                        }
                        latencies.add(System.nanoTime() - start);
                        (status / 100 == 2 || status == 304 ? ok : other).increment();
                    }
                    return null;
                });
            }
        }
        return new Results(ok, other, latencies);
    }
}
