package agora.payments.internal;

import agora.payments.PaymentRequest;

/**
 * The port to a bank or payment service. Every call that moves money carries an idempotency key, and the
 * provider guarantees that one key moves money at most once. A call that cannot tell its outcome (timeout,
 * server error) throws {@link ProviderUnavailable}; repeating it with the same key is safe.
 */
interface PaymentProvider {

    String name();

    ProviderCharge charge(String idempotencyKey, PaymentRequest request);

    ProviderCharge retrieve(String providerPaymentId);

    ProviderRefund refund(String idempotencyKey, String providerPaymentId, long amount);

    /** A charge as the provider reports it; {@code declineCode} is set for declined charges. */
    record ProviderCharge(String id, Status status, String declineCode) {

        enum Status {
            SUCCEEDED, DECLINED, PROCESSING
        }
    }

    /** A refund as the provider reports it; {@code failureCode} is set for failed refunds. */
    record ProviderRefund(String id, Status status, String failureCode) {

        enum Status {
            SUCCEEDED, PENDING, FAILED
        }
    }
}
