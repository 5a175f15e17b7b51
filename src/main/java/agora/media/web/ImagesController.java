package agora.media.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import agora.media.internal.Uploads;
import agora.platform.ApiException;

/** Uploading images ({@code POST /api/images}, one multipart part named {@code file}) and deleting them. */
@RestController
class ImagesController {

    private final Uploads uploads;

    ImagesController(Uploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping(path = "/api/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ImageJson.ImageResponse upload(@RequestPart(name = "file", required = false) MultipartFile file) {
        long uploader = signedIn();
        if (file == null || file.isEmpty()) {
            throw ApiException.invalid("file", "is required: send the image as the multipart part named file");
        }
        var uploaded = uploads.upload(uploader, file.getSize(), file);
        var links = uploaded.links();
        return new ImageJson.ImageResponse(new ImageJson.Image(links.id(), uploaded.width(), uploaded.height(),
                new ImageJson.Urls(links.small(), links.medium(), links.large())));
    }

    @DeleteMapping("/api/images/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        uploads.delete(signedIn(), id);
    }

    /**
     * The signed-in user's id, from the security context: accounts' principal names its user by id. Asking
     * accounts' {@code CurrentUser} instead would make media depend on accounts, which attaches avatars through
     * media.
     */
    private static long signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AuthenticatedPrincipal user)) {
            throw ApiException.unauthorized("authentication required");
        }
        return Long.parseLong(user.getName());
    }
}
