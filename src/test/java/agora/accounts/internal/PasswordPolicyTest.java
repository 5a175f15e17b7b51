package agora.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    final PasswordPolicy policy = PasswordPolicy.withBreachedPasswords();

    @Test
    void acceptsALongUncommonPassword() {
        assertThat(policy.problems("correct-horse-battery")).isEmpty();
    }

    @Test
    void boundsTheLength() {
        assertThat(policy.problems("qz7wk3p")).containsExactly("is too short (minimum is 8 characters)");
        assertThat(policy.problems("qz".repeat(4))).isEmpty();
        assertThat(policy.problems("qz".repeat(64))).isEmpty();
        assertThat(policy.problems("qz".repeat(64) + "q")).containsExactly("is too long (maximum is 128 characters)");
    }

    @Test
    void refusesTheHundredThousandMostCommonBreachedPasswordsInAnyCase() {
        assertThat(policy.problems("12345678")).isNotEmpty();
        assertThat(policy.problems("password123")).isNotEmpty();
        assertThat(policy.problems("IloveYou1")).isNotEmpty();
        assertThat(policy.isBreached("Correct Horse Battery Staple")).isTrue();
        assertThat(policy.isBreached("correct-horse-battery")).isFalse();
        assertThat(policy.problems("PASSWORD")).isNotEmpty();
        assertThat(policy.problems("baseball")).isNotEmpty();
    }
}
