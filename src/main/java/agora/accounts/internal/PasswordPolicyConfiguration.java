package agora.accounts.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PasswordPolicyConfiguration {

    @Bean
    PasswordPolicy passwordPolicy(PwnedPasswordsProperties pwned) {
        if (!pwned.enabled()) {
            return PasswordPolicy.withBreachedPasswords();
        }
        return new PasswordPolicy(new PwnedPasswords(BreachedPasswords.fromClasspath(), pwned.url(), pwned.timeout()));
    }
}
