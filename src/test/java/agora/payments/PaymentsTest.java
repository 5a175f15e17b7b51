package agora.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import agora.test.AgoraTest;

/** The payments API on the sandbox bank: every call idempotent, refunds bounded by the charge. */
@AgoraTest
class PaymentsTest {

    @Autowired
    Payments payments;

    @Autowired
    MockMvc mvc;

    @Test
    void aChargeIsMadeOncePerReferenceAndRefundsOncePerKey() {
        var reference = "test-" + UUID.randomUUID();
        var request = new PaymentRequest(reference, 1000, "EUR", "pm_card_visa");
        var first = payments.charge(request);
        assertThat(first).isInstanceOf(PaymentResult.Succeeded.class);
        assertThat(payments.charge(request)).isEqualTo(first);
        assertThat(payments.outcome(request)).isEqualTo(first);

        var refund = payments.refund(reference, "k1", 600);
        assertThat(refund).isInstanceOf(RefundResult.Succeeded.class);
        assertThat(payments.refund(reference, "k1", 600)).isEqualTo(refund);
        assertThat(payments.refund(reference, "k2", 600)).isEqualTo(new RefundResult.Failed("amount_too_large"));
        assertThat(payments.refund(reference, "k3", 400)).isInstanceOf(RefundResult.Succeeded.class);
    }

    @Test
    void theSandboxDeclinesLikeStripesTestCards() {
        assertThat(payments.charge(new PaymentRequest("test-" + UUID.randomUUID(), 100, "EUR", "pm_card_chargeDeclined")))
                .isEqualTo(new PaymentResult.Declined("card_declined"));
        assertThat(payments.charge(new PaymentRequest("test-" + UUID.randomUUID(), 100, "EUR",
                "pm_card_chargeDeclinedInsufficientFunds"))).isEqualTo(new PaymentResult.Declined("insufficient_funds"));
        assertThat(payments.charge(new PaymentRequest("test-" + UUID.randomUUID(), 100, "EUR", "pm_made_up")))
                .isEqualTo(new PaymentResult.Declined("invalid_payment_method"));
        var declined = "test-" + UUID.randomUUID();
        payments.charge(new PaymentRequest(declined, 100, "EUR", "pm_card_chargeDeclined"));
        assertThat(payments.refund(declined, "k", 100)).isInstanceOf(RefundResult.Failed.class);
    }

    @Test
    void aTimedOutChargeIsPendingButTakenAndLearnedLater() {
        var request = new PaymentRequest("test-" + UUID.randomUUID(), 100, "EUR", "pm_card_timeout");
        assertThat(payments.charge(request)).isInstanceOf(PaymentResult.Pending.class);
        assertThat(payments.outcome(request)).isInstanceOf(PaymentResult.Succeeded.class);
    }

    @Test
    void stripeWebhooksAreNotServedWhenTheSandboxIsTheProvider() throws Exception {
        mvc.perform(post("/api/payments/webhooks/stripe").contentType(MediaType.APPLICATION_JSON).content("{}")
                .header("Stripe-Signature", "t=1,v1=00")).andExpect(status().isNotFound());
    }
}
