package agora.platform.web;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.HttpResource;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Remembers the web UI's files found inside the application's jar, with their length, modification time and (up to
 * {@link #MAX_KEPT_BYTES}) content: they cannot change while it runs, and finding them again costs a class loader
 * look-up, reading their time an exception (a jar entry is not a file) and their content inflating it, on every
 * request. Files on the file system (a development build) are looked up each time, since they may change. Only
 * files that exist are kept, so memory is bounded by what the jar ships, and at most {@link #MAX_FILES} of them.
 */
final class PackagedResources implements ResourceResolver {

    static final int MAX_FILES = 1_000;
    /** Larger files (the API browser's scripts) are read from the jar each time; the web UI's are a few KB. */
    static final int MAX_KEPT_BYTES = 256 * 1024;

    private final Map<String, Resource> found = new ConcurrentHashMap<>();

    @Override
    public Resource resolveResource(HttpServletRequest request, String requestPath, List<? extends Resource> locations,
            ResourceResolverChain chain) {
        var known = found.get(requestPath);
        if (known != null) {
            return known;
        }
        var resource = chain.resolveResource(request, requestPath, locations);
        if (resource == null || resource.isFile() || resource instanceof HttpResource || found.size() >= MAX_FILES) {
            return resource;
        }
        try {
            var packaged = new Packaged(resource);
            found.put(requestPath, packaged);
            return packaged;
        } catch (IOException e) {
            return resource;
        }
    }

    @Override
    public String resolveUrlPath(String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
        return chain.resolveUrlPath(resourcePath, locations);
    }

    /** A file of the jar, its length, time and (when small) content read once. */
    private static final class Packaged extends AbstractResource {

        private final Resource file;
        private final long length;
        private final long modified;
        private final byte[] content;

        Packaged(Resource file) throws IOException {
            this.file = file;
            this.length = file.contentLength();
            this.modified = file.lastModified();
            this.content = length <= MAX_KEPT_BYTES ? file.getContentAsByteArray() : null;
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public long lastModified() {
            return modified;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return content != null ? new ByteArrayInputStream(content) : file.getInputStream();
        }

        @Override
        public URL getURL() throws IOException {
            return file.getURL();
        }

        @Override
        public URI getURI() throws IOException {
            return file.getURI();
        }

        @Override
        public File getFile() throws IOException {
            return file.getFile();
        }

        @Override
        public Resource createRelative(String relativePath) throws IOException {
            return file.createRelative(relativePath);
        }

        @Override
        public String getFilename() {
            return file.getFilename();
        }

        @Override
        public String getDescription() {
            return file.getDescription();
        }
    }
}
