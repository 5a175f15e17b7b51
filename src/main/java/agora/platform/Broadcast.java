package agora.platform;

/**
 * Short messages on a topic to the other nodes of the cluster. Delivery is best effort: a node may miss
 * messages (it is told so through {@link Listener#missed()}), so a message only says "look again" and the
 * database stays the source of truth. A node may or may not hear its own messages: the sender applies a
 * change locally itself. On PostgreSQL it is {@code LISTEN/NOTIFY}; with the embedded database there is one
 * node and nothing to tell.
 */
public interface Broadcast {

    /**
     * Sends the message (a few hundred bytes at most) to every node subscribed to the topic. Inside a
     * transaction the message goes out when it commits (and not at all if it rolls back); outside one, at once.
     */
    void send(String topic, String message);

    /** Hands every message on the topic to the listener, on the broadcast's own thread: keep it short. */
    void subscribe(String topic, Listener listener);

    interface Listener {

        void received(String message);

        /** Messages may have been lost (the node reconnected): assume anything changed. */
        default void missed() {
        }
    }
}
