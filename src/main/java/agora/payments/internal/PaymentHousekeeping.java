package agora.payments.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import agora.platform.Sql;

/** Forgets handled webhook events once Stripe can no longer redeliver them (it retries for three days). */
@Component
class PaymentHousekeeping {

    private static final Duration KEEP_WEBHOOK_EVENTS = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final Clock clock;

    PaymentHousekeeping(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
    void forgetOldWebhookEvents() {
        jdbc.sql("delete from payment_webhook_events where received_at < ?")
                .param(Sql.timestamp(clock.instant().minus(KEEP_WEBHOOK_EVENTS))).update();
    }
}
