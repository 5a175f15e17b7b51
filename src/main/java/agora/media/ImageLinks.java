package agora.media;

/**
 * Where an uploaded image is served, one URL (path from the site's root) per size: small (160 px on the long
 * side), medium (480 px) and large (1200 px), never larger than the upload.
 */
public record ImageLinks(String id, String small, String medium, String large) {
}
