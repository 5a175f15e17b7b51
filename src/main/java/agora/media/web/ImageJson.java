package agora.media.web;

/** Request and response bodies of {@code /api/images}. */
final class ImageJson {

    private ImageJson() {
    }

    record ImageResponse(Image image) {
    }

    /** An uploaded image: its id (to attach it), upright dimensions, and where each size is served. */
    record Image(String id, int width, int height, Urls urls) {
    }

    record Urls(String small, String medium, String large) {
    }
}
