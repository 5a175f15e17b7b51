package agora.payments.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import agora.payments.PaymentRequest;
import agora.payments.PaymentResult;
import agora.payments.Payments;
import agora.payments.RefundResult;

/**
 * Talks to the provider outside any database transaction and records what it learned. The idempotency key
 * of a charge is derived from its reference, so every repeat of a charge, by a retry, a second node or
 * reconciliation, reaches the provider under the same key.
 */
@Service
class PaymentService implements Payments {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentProvider provider;
    private final PaymentRecords records;
    private final Clock clock;

    PaymentService(PaymentProvider provider, PaymentRecords records, Clock clock) {
        this.provider = provider;
        this.records = records;
        this.clock = clock;
    }

    static String chargeKey(String reference) {
        return "agora-charge-" + reference;
    }

    @Override
    public PaymentResult charge(PaymentRequest request) {
        try {
            return recorded(request, provider.charge(chargeKey(request.reference()), request));
        } catch (ProviderUnavailable e) {
            log.warn("Charge for {} has an unknown outcome: {}", request.reference(), e.getMessage());
            return new PaymentResult.Pending(e.getMessage());
        }
    }

    @Override
    public PaymentResult outcome(PaymentRequest request) {
        var known = records.findByReference(request.reference());
        if (known.isPresent() && known.get().status() == PaymentRecords.Status.SUCCEEDED) {
            return new PaymentResult.Succeeded(known.get().providerPaymentId());
        }
        if (known.isPresent() && known.get().status() == PaymentRecords.Status.DECLINED) {
            return new PaymentResult.Declined(known.get().declineCode());
        }
        try {
            var providerId = known.map(PaymentRecords.Payment::providerPaymentId);
            var charge = providerId.isPresent() ? provider.retrieve(providerId.get())
                    : provider.charge(chargeKey(request.reference()), request);
            return recorded(request, charge);
        } catch (ProviderUnavailable e) {
            return new PaymentResult.Pending(e.getMessage());
        }
    }

    @Override
    public RefundResult refund(String reference, String refundKey, long amount) {
        var payment = records.findByReference(reference)
                .filter(p -> p.status() == PaymentRecords.Status.SUCCEEDED && p.providerPaymentId() != null);
        if (payment.isEmpty()) {
            return new RefundResult.Failed("no_successful_charge");
        }
        try {
            var refund = provider.refund("agora-refund-" + refundKey, payment.get().providerPaymentId(), amount);
            return switch (refund.status()) {
                case SUCCEEDED -> {
                    records.addRefunded(payment.get().id(), amount, clock.instant());
                    yield new RefundResult.Succeeded(refund.id());
                }
                case FAILED -> new RefundResult.Failed(refund.failureCode());
                case PENDING -> new RefundResult.Pending("the provider is processing the refund");
            };
        } catch (ProviderUnavailable e) {
            log.warn("Refund {} for {} has an unknown outcome: {}", refundKey, reference, e.getMessage());
            return new RefundResult.Pending(e.getMessage());
        }
    }

    private PaymentResult recorded(PaymentRequest request, PaymentProvider.ProviderCharge charge) {
        var now = clock.instant();
        return switch (charge.status()) {
            case SUCCEEDED -> {
                records.record(request, provider.name(), charge.id(), PaymentRecords.Status.SUCCEEDED, null, now);
                yield new PaymentResult.Succeeded(charge.id());
            }
            case DECLINED -> {
                records.record(request, provider.name(), charge.id(), PaymentRecords.Status.DECLINED,
                        charge.declineCode(), now);
                yield new PaymentResult.Declined(charge.declineCode());
            }
            case PROCESSING -> {
                records.record(request, provider.name(), charge.id(), PaymentRecords.Status.PENDING, null, now);
                yield new PaymentResult.Pending("the provider is processing the charge");
            }
        };
    }
}
