package agora.notifications.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import agora.platform.AfterCommit;
import agora.platform.Broadcast;

/**
 * Wakes a recipient's live streams on every node once a change of their notifications commits: the message goes
 * out on the cluster broadcast with the transaction, and this node wakes its own streams after the commit (it may
 * not hear its own message). A node that may have missed messages wakes all its streams.
 */
@Component
class StreamWakeUps {

    static final String TOPIC = "notifications";

    private final Broadcast broadcast;
    private final LiveStreams streams;

    StreamWakeUps(Broadcast broadcast, LiveStreams streams) {
        this.broadcast = broadcast;
        this.streams = streams;
        broadcast.subscribe(TOPIC, new Broadcast.Listener() {
            @Override
            public void received(String message) {
                try {
                    streams.wake(Long.parseLong(message));
                } catch (NumberFormatException unknown) {
                    streams.wakeAll();
                }
            }

            @Override
            public void missed() {
                streams.wakeAll();
            }
        });
    }

    /** Runs in the transaction that changed the notification. */
    @EventListener
    void on(NotificationChanged event) {
        announce(event.recipientId());
    }

    @EventListener
    void on(UnreadCountChanged event) {
        announce(event.recipientId());
    }

    private void announce(long recipientId) {
        broadcast.send(TOPIC, Long.toString(recipientId));
        AfterCommit.run(() -> streams.wake(recipientId));
    }
}
