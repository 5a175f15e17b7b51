package agora.payments;

/** What became of a refund. */
public sealed interface RefundResult {

    record Succeeded(String refundId) implements RefundResult {
    }

    /** The provider refused the refund; nothing was paid back. */
    record Failed(String code) implements RefundResult {
    }

    /** The outcome is not known yet; repeating the refund with the same key is safe. */
    record Pending(String reason) implements RefundResult {
    }
}
