package agora.accounts.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PasswordPolicyConfiguration {

    @Bean
    PasswordPolicy passwordPolicy() {
        return PasswordPolicy.withBreachedPasswords();
    }
}
