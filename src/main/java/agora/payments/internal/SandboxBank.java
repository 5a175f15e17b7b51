package agora.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import agora.payments.PaymentRequest;
import agora.platform.PublicIds;
import agora.platform.Sql;

/**
 * A simulated bank with Stripe's test payment methods. It keeps its own ledger of charges and refunds keyed by
 * idempotency key (in its own tables, so it survives restarts and serves every node), which makes it idempotent
 * like a real provider: a repeated key answers the recorded outcome and moves no money.
 * <ul>
 * <li>{@code pm_card_visa}, {@code pm_card_mastercard}: succeed</li>
 * <li>{@code pm_card_chargeDeclined}: declined, {@code card_declined}</li>
 * <li>{@code pm_card_chargeDeclinedInsufficientFunds}: declined, {@code insufficient_funds}</li>
 * <li>{@code pm_card_timeout}: the charge succeeds, but the answer comes only after the client's timeout</li>
 * <li>anything else: declined, {@code invalid_payment_method}</li>
 * </ul>
 */
class SandboxBank implements PaymentProvider {

    static final String TIMEOUT_METHOD = "pm_card_timeout";

    private final JdbcClient jdbc;
    private final Duration latency;
    private final Duration clientTimeout;
    private final Clock clock;

    SandboxBank(JdbcClient jdbc, Duration latency, Duration clientTimeout, Clock clock) {
        this.jdbc = jdbc;
        this.latency = latency;
        this.clientTimeout = clientTimeout;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public ProviderCharge charge(String idempotencyKey, PaymentRequest request) {
        pause(latency);
        var decline = declineCode(request.paymentMethod());
        var charge = new LedgerCharge(PublicIds.next("ch"), request.amount(), request.currency(),
                decline == null ? "succeeded" : "declined", decline);
        var charged = jdbc.sql("""
                insert into sandbox_charges (idempotency_key, charge_id, amount, currency, payment_method, status,
                                             decline_code, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(idempotencyKey, charge.chargeId(), charge.amount(), charge.currency(), request.paymentMethod(),
                        charge.status(), charge.declineCode(), Sql.timestamp(clock.instant()))
                .update() == 1;
        if (!charged) {
            // A repeated key (or the loser of a race for it) gets the one charge the ledger holds for it.
            return replay(findByKey(idempotencyKey).orElseThrow(), request);
        }
        if (TIMEOUT_METHOD.equals(request.paymentMethod())) {
            pause(clientTimeout.plusMillis(50));
            throw new ProviderUnavailable("sandbox bank answered after the client's timeout of " + clientTimeout);
        }
        return toCharge(charge);
    }

    @Override
    public ProviderCharge retrieve(String providerPaymentId) {
        pause(latency);
        return jdbc.sql("select * from sandbox_charges where charge_id = ?").param(providerPaymentId)
                .query(SandboxBank::map).optional().map(SandboxBank::toCharge)
                .orElseThrow(() -> new IllegalStateException("no sandbox charge " + providerPaymentId));
    }

    @Override
    public ProviderRefund refund(String idempotencyKey, String providerPaymentId, long amount) {
        pause(latency);
        // Claiming the key first makes concurrent repeats of one refund pay back once.
        var id = PublicIds.next("re");
        var claimed = jdbc.sql("""
                insert into sandbox_refunds (idempotency_key, refund_id, charge_id, amount, created_at)
                values (?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(idempotencyKey, id, providerPaymentId, amount, Sql.timestamp(clock.instant())).update();
        if (claimed == 0) {
            var known = jdbc.sql("select refund_id from sandbox_refunds where idempotency_key = ?")
                    .param(idempotencyKey).query(String.class).single();
            return new ProviderRefund(known, ProviderRefund.Status.SUCCEEDED, null);
        }
        var refunded = jdbc.sql("""
                update sandbox_charges set refunded_amount = refunded_amount + ?
                where charge_id = ? and status = 'succeeded' and refunded_amount + ? <= amount""")
                .params(amount, providerPaymentId, amount).update();
        if (refunded == 0) {
            jdbc.sql("delete from sandbox_refunds where idempotency_key = ?").param(idempotencyKey).update();
            return new ProviderRefund(null, ProviderRefund.Status.FAILED, "amount_too_large");
        }
        return new ProviderRefund(id, ProviderRefund.Status.SUCCEEDED, null);
    }

    static String declineCode(String paymentMethod) {
        return switch (paymentMethod) {
            case "pm_card_visa", "pm_card_mastercard", TIMEOUT_METHOD -> null;
            case "pm_card_chargeDeclined" -> "card_declined";
            case "pm_card_chargeDeclinedInsufficientFunds" -> "insufficient_funds";
            default -> "invalid_payment_method";
        };
    }

    private record LedgerCharge(String chargeId, long amount, String currency, String status, String declineCode) {
    }

    private Optional<LedgerCharge> findByKey(String key) {
        return jdbc.sql("select * from sandbox_charges where idempotency_key = ?").param(key).query(SandboxBank::map)
                .optional();
    }

    /** Like Stripe, refuses to reuse a key for a different charge. */
    private static ProviderCharge replay(LedgerCharge charge, PaymentRequest request) {
        if (charge.amount() != request.amount() || !charge.currency().equals(request.currency())) {
            throw new IllegalStateException("idempotency key reused for a different charge");
        }
        return toCharge(charge);
    }

    private static ProviderCharge toCharge(LedgerCharge charge) {
        return new ProviderCharge(charge.chargeId(), "succeeded".equals(charge.status())
                ? ProviderCharge.Status.SUCCEEDED : ProviderCharge.Status.DECLINED, charge.declineCode());
    }

    private static LedgerCharge map(ResultSet rs, int row) throws SQLException {
        return new LedgerCharge(rs.getString("charge_id"), rs.getLong("amount"), rs.getString("currency"),
                rs.getString("status"), rs.getString("decline_code"));
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted while waiting for the sandbox bank", e);
        }
    }
}
