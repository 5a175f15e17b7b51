package agora.catalog;

import java.util.OptionalLong;

/**
 * What moderators do to products. A hidden product is off sale and gone for everyone but its seller, who sees that
 * it was hidden and why. Callers record their own audit trail.
 */
public interface ProductModeration {

    /** The seller of the product with this public id (hidden or not), if it exists. */
    OptionalLong seller(String productId);

    /** False if no such product. Publishes {@link ProductUnlisted}. */
    boolean hide(String productId, String reason);

    /** False if no such product. Publishes {@link ProductListed} when it is on sale again. */
    boolean restore(String productId);
}
