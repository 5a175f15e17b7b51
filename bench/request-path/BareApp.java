import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yardstick for Agora's request path: a bare Spring Boot MVC application on the same Boot version, JDK and
 * virtual threads, with no filters of its own, answering what Agora answers without doing any work — a fixed tag
 * list, a 401 problem and (run.sh points its static locations at Agora's) the same static file.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(BareApp.Endpoints.class)
public class BareApp {

    public static void main(String[] args) {
        SpringApplication.run(BareApp.class, args);
    }

    @RestController
    static class Endpoints {

        private static final Map<String, List<String>> TAGS = Map.of("tags",
                List.of("books", "cooking", "design", "garden", "music", "travel"));

        @GetMapping("/api/tags")
        Map<String, List<String>> tags() {
            return TAGS;
        }

        @GetMapping("/api/user")
        ResponseEntity<Map<String, Object>> user() {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Map.of("type", "about:blank", "title", "unauthorized", "status", 401,
                            "detail", "authentication required"));
        }
    }
}
