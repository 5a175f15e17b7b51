package agora.media.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import agora.media.internal.ImageFiles;

/**
 * Serves stored image files ({@code GET /images/{id}/{long side}.{jpg|png}}), public. A file's URL never changes
 * content, so browsers and proxies may keep it for a year; its ETag is its content hash. The headers keep a
 * browser from reading it as anything but an image.
 */
@RestController
class ImageFilesController {

    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox";

    private final ImageFiles files;

    ImageFilesController(ImageFiles files) {
        this.files = files;
    }

    @GetMapping("/images/{id}/{name}")
    ResponseEntity<byte[]> file(@PathVariable String id, @PathVariable String name, WebRequest request,
            HttpServletResponse response) {
        var file = files.describe(id, name);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (request.checkNotModified(file.etag())) {
            return null;
        }
        return ResponseEntity.ok().eTag(file.etag()).contentType(MediaType.parseMediaType(file.contentType()))
                .body(files.read(file));
    }
}
