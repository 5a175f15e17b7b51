package agora.payments.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/** Plugs the configured adapter into the {@link PaymentProvider} port. */
@Configuration(proxyBeanMethods = false)
class PaymentProviderConfiguration {

    @Bean
    PaymentProvider paymentProvider(PaymentsProperties properties, JdbcClient jdbc, JsonMapper json, Clock clock) {
        return switch (properties.provider()) {
            case "stripe" -> new StripeApi(properties.stripe(), properties.timeout(), json);
            default -> new SandboxBank(jdbc, properties.sandbox().latency(), properties.timeout(), clock);
        };
    }
}
