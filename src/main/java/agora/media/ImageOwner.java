package agora.media;

/** What an image is attached to, e.g. a product or a user's avatar: a kind and that thing's public id. */
public record ImageOwner(String kind, String id) {

    public static ImageOwner product(String productPublicId) {
        return new ImageOwner("product", productPublicId);
    }

    public static ImageOwner avatar(long userId) {
        return new ImageOwner("avatar", Long.toString(userId));
    }
}
