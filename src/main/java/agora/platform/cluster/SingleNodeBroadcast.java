package agora.platform.cluster;

import agora.platform.Broadcast;

/** The embedded database has one node: nobody else to tell, nothing to hear. */
final class SingleNodeBroadcast implements Broadcast {

    @Override
    public void send(String topic, String message) {
    }

    @Override
    public void subscribe(String topic, Listener listener) {
    }
}
