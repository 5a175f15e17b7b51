package agora.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import agora.payments.PaymentRequest;
import agora.platform.PublicIds;
import agora.platform.Sql;

/** The payments module's own record of each charge, by the reference of what it pays for. */
@Repository
class PaymentRecords {

    enum Status {
        PENDING, SUCCEEDED, DECLINED
    }

    record Payment(long id, String publicId, String reference, String providerPaymentId, long amount, String currency,
            Status status, String declineCode, long refundedAmount) {
    }

    private static final String COLUMNS = """
            id, public_id, reference, provider_payment_id, amount, currency, status, decline_code, refunded_amount""";

    private final JdbcClient jdbc;

    PaymentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Payment> findByReference(String reference) {
        return jdbc.sql("select " + COLUMNS + " from payments where reference = ?").param(reference)
                .query(PaymentRecords::map).optional();
    }

    Optional<Payment> findByProviderId(String providerPaymentId) {
        return jdbc.sql("select " + COLUMNS + " from payments where provider_payment_id = ?").param(providerPaymentId)
                .query(PaymentRecords::map).optional();
    }

    /**
     * Records what the provider said about the charge for the request's reference. A final status (succeeded,
     * declined) is never changed. Answers whether the status became final now, so that a webhook repeating a
     * known outcome publishes nothing.
     */
    boolean record(PaymentRequest request, String provider, String providerPaymentId, Status status,
            String declineCode, Instant now) {
        var inserted = jdbc.sql("""
                insert into payments (public_id, reference, provider, provider_payment_id, amount, currency, status,
                                      decline_code, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(PublicIds.next("pay"), request.reference(), provider, providerPaymentId, request.amount(),
                        request.currency(), status.name(), declineCode, Sql.timestamp(now), Sql.timestamp(now))
                .update() == 1;
        if (inserted) {
            return status != Status.PENDING;
        }
        if (providerPaymentId != null) {
            jdbc.sql("update payments set provider_payment_id = ? where reference = ? and provider_payment_id is null")
                    .params(providerPaymentId, request.reference()).update();
        }
        if (status == Status.PENDING) {
            return false;
        }
        return jdbc.sql("""
                update payments set status = ?, decline_code = ?, updated_at = ?
                where reference = ? and status = 'PENDING'""")
                .params(status.name(), declineCode, Sql.timestamp(now), request.reference())
                .update() == 1;
    }

    /** Raises the refunded amount to {@code total}; answers whether it rose. */
    boolean refundedUpTo(long id, long total, Instant now) {
        return jdbc.sql("update payments set refunded_amount = ?, updated_at = ? where id = ? and refunded_amount < ?")
                .params(total, Sql.timestamp(now), id, total).update() == 1;
    }

    void addRefunded(long id, long amount, Instant now) {
        jdbc.sql("update payments set refunded_amount = refunded_amount + ?, updated_at = ? where id = ?")
                .params(amount, Sql.timestamp(now), id).update();
    }

    private static Payment map(ResultSet rs, int row) throws SQLException {
        return new Payment(rs.getLong("id"), rs.getString("public_id"), rs.getString("reference"),
                rs.getString("provider_payment_id"), rs.getLong("amount"), rs.getString("currency"),
                Status.valueOf(rs.getString("status")), rs.getString("decline_code"), rs.getLong("refunded_amount"));
    }
}
