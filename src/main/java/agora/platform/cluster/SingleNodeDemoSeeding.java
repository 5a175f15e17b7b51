package agora.platform.cluster;

import agora.platform.DemoSeeding;

/** The embedded database has one node: nobody to wait for. */
final class SingleNodeDemoSeeding implements DemoSeeding {

    @Override
    public void seed(String part, Runnable seeding) {
        seeding.run();
    }
}
