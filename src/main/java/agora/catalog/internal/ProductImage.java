package agora.catalog.internal;

/** One picture of a product: an external http(s) URL, or a photo uploaded to the media module (its image id). */
public record ProductImage(String url, String imageId) {

    /** What a seller sends: an uploaded image's id ({@code img_…}, which no URL starts with) or a URL. */
    static ProductImage of(String value) {
        return isImageId(value) ? new ProductImage(null, value) : new ProductImage(value, null);
    }

    static boolean isImageId(String value) {
        return value != null && value.startsWith("img_");
    }

    public boolean uploaded() {
        return imageId != null;
    }
}
