package agora.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

class PackagedResourcesTest {

    private final Chain chain = new Chain(new PackagedResources(), new PathResourceResolver());
    private final MockHttpServletRequest request = new MockHttpServletRequest();

    /** The two resolvers as the resource handler chains them (Spring's own chain class is not public). */
    private record Chain(ResourceResolver first, ResourceResolver next) implements ResourceResolverChain {

        @Override
        public Resource resolveResource(HttpServletRequest request, String path, List<? extends Resource> locations) {
            return first.resolveResource(request, path, locations, new Chain(next, null));
        }

        @Override
        public String resolveUrlPath(String path, List<? extends Resource> locations) {
            return first.resolveUrlPath(path, locations, new Chain(next, null));
        }
    }

    @Test
    void remembersAFileOfAJarWithItsLengthAndTime() throws Exception {
        // A jar on the test classpath stands in for the application's.
        var jar = List.of(new ClassPathResource("org/junit/jupiter/api/"));
        var first = chain.resolveResource(request, "Test.class", jar);
        var original = new ClassPathResource("org/junit/jupiter/api/Test.class");

        assertThat(first.isFile()).isFalse();
        assertThat(chain.resolveResource(request, "Test.class", jar)).isSameAs(first);
        assertThat(first.contentLength()).isEqualTo(original.contentLength()).isPositive();
        assertThat(first.lastModified()).isEqualTo(original.lastModified()).isPositive();
        assertThat(first.getFilename()).isEqualTo("Test.class");
        try (var in = first.getInputStream(); var expected = original.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(expected.readAllBytes());
        }
        assertThat(chain.resolveResource(request, "Missing.class", jar)).isNull();
    }

    @Test
    void looksFilesOnTheFileSystemUpEachTime(@TempDir Path directory) throws Exception {
        var file = Files.writeString(directory.resolve("app.css"), "body {}");
        List<Resource> location = List.of(new FileSystemResource(directory.toString() + "/"));
        var before = chain.resolveResource(request, "app.css", location);
        var length = before.contentLength();
        var modified = before.lastModified();

        Files.writeString(file, "body { margin: 0; }");
        Files.setLastModifiedTime(file, FileTime.fromMillis(modified + 60_000));
        var after = chain.resolveResource(request, "app.css", location);

        assertThat(after.contentLength()).isGreaterThan(length);
        assertThat(after.lastModified()).isEqualTo(modified + 60_000);
    }
}
