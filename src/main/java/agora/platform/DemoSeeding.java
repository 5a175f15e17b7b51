package agora.platform;

/**
 * Lets nodes that start together on one empty database seed demo data without colliding. Each module seeds its
 * part inside {@link #seed}, after checking there that the part is missing: one node seeds it, the others wait and
 * then find it there. A part should be one transaction, so that a node dying mid-seed leaves all of it or none,
 * and the next node to start seeds what is missing.
 */
public interface DemoSeeding {

    /**
     * Runs the seeding while no other node of the database runs one. If another node has been seeding for longer
     * than {@code agora.demo-data.wait}, logs so and goes on without running it.
     */
    void seed(String part, Runnable seeding);
}
