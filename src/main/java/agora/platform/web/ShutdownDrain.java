package agora.platform.web;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On shutdown (SIGTERM), refuses traffic on the readiness probe (503) but goes on serving for
 * {@code agora.shutdown.drain}, so that load balancers notice and stop sending before the port closes: a
 * connection arriving after that would be reset unread. Stops first of all lifecycles (the highest phase), so the
 * whole node serves while it drains; then the web server's graceful shutdown
 * ({@link WebServerApplicationContext#GRACEFUL_SHUTDOWN_PHASE}) closes the port and finishes in-flight requests.
 * A node that never became ready had no traffic to drain.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final ApplicationContext context;
    private final Duration drain;
    private volatile boolean running;
    private volatile boolean ready;

    ShutdownDrain(ApplicationContext context, @Value("${agora.shutdown.drain}") Duration drain) {
        this.context = context;
        this.drain = drain;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        ready = true;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (!ready || drain.isZero()) {
            return;
        }
        // Boot's web application context has published this already when closing; a context stopped without
        // closing has not.
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        log.info("Shutting down: readiness refuses traffic; serving for {} more before closing the port", drain);
        try {
            Thread.sleep(drain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return DEFAULT_PHASE;
    }
}
