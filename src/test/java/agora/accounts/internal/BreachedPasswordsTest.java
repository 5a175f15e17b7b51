package agora.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BreachedPasswordsTest {

    static final BreachedPasswords BREACHED = BreachedPasswords.fromClasspath();

    @Test
    void holdsTheWholeListAndFindsItsFirstMiddleAndLastEntryInAnyCase() {
        assertThat(BREACHED.size()).isGreaterThan(95_000);
        assertThat(BREACHED.contains("123456")).isTrue();
        assertThat(BREACHED.contains("CatEye")).isTrue();
        assertThat(BREACHED.contains("Correct Horse Battery Staple")).isTrue();
    }

    @Test
    void findsPasswordsTheOldThousandEntryListLetThrough() {
        assertThat(BREACHED.contains("password123")).isTrue();
        assertThat(BREACHED.contains("ILoveYou1")).isTrue();
    }

    @Test
    void letsAPassphraseThrough() {
        assertThat(BREACHED.contains("a-long-passphrase-nobody-breached-2026")).isFalse();
    }

    /** Prints the figures quoted in docs/accounts.md; deliberately no assertion on time. */
    @Test
    void measuresBuildAndCheckTime() {
        var start = System.nanoTime();
        var built = BreachedPasswords.fromClasspath();
        var buildMillis = (System.nanoTime() - start) / 1_000_000;
        var checks = 100_000;
        var found = 0;
        start = System.nanoTime();
        for (var i = 0; i < checks; i++) {
            found += built.contains("password" + i) ? 1 : 0;
        }
        var nanosPerCheck = (System.nanoTime() - start) / checks;
        System.out.printf("breached passwords: %d hashes (%d KB), built in %d ms, %d ns per check (%d found)%n",
                built.size(), built.size() * 8 / 1024, buildMillis, nanosPerCheck, found);
    }
}
