package agora.orders.internal;

/** Thrown inside a transaction whose Idempotency-Key another request already holds; rolls it back. */
class KeyTaken extends RuntimeException {

    KeyTaken() {
        super("idempotency key taken", null, false, false);
    }
}
