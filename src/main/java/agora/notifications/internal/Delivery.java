package agora.notifications.internal;

/** What became of one attempt to hand an email over. */
sealed interface Delivery {

    /** The server took responsibility for the email; never send it again. */
    record Accepted(String via, boolean keepContent) implements Delivery {
    }

    /** It may work later (server down, 4xx, network trouble). */
    record Retry(String reason) implements Delivery {
    }

    /** It will never work (5xx, e.g. a bad address): record it and stop. */
    record Rejected(String reason) implements Delivery {
    }
}
