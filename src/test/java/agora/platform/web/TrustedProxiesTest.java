package agora.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    final TrustedProxies proxies = new TrustedProxies(List.of("10.0.0.0/8", "127.0.0.1", "fd00::/8"));

    String client(String socket, String... forwardedFor) {
        return proxies.clientAddress(socket, Collections.enumeration(List.of(forwardedFor)));
    }

    @Test
    void aDirectClientIsItsSocketWhateverItClaims() {
        assertThat(client("203.0.113.5", "198.51.100.1")).isEqualTo("203.0.113.5");
        assertThat(client("203.0.113.5")).isEqualTo("203.0.113.5");
    }

    @Test
    void behindOurProxyTheClientIsTheLastAddressNotOurs() {
        assertThat(client("10.0.0.2", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(client("10.0.0.2", "6.6.6.6, 198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(client("10.0.0.2", "6.6.6.6, 198.51.100.1, 10.0.0.9")).isEqualTo("198.51.100.1");
        assertThat(client("10.0.0.2", "6.6.6.6", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(client("fd00::2", "2001:db8::1")).isEqualTo("2001:db8::1");
    }

    @Test
    void onlyOurProxiesAllTheWayIsTheFarthestOfThem() {
        assertThat(client("10.0.0.2", "10.0.0.7, 127.0.0.1")).isEqualTo("10.0.0.7");
        assertThat(client("10.0.0.2")).isEqualTo("10.0.0.2");
    }

    @Test
    void somethingThatIsNotAnAddressStopsTheWalkAtTheLastHopWeTrust() {
        assertThat(client("10.0.0.2", "198.51.100.1, not-an-address")).isEqualTo("10.0.0.2");
        assertThat(client("10.0.0.2", "example.com, 10.0.0.3")).isEqualTo("10.0.0.3");
        assertThat(client("10.0.0.2", "999.1.1.1")).isEqualTo("10.0.0.2");
        assertThat(client("10.0.0.2", ":::zz")).isEqualTo("10.0.0.2");
    }

    @Test
    void nothingIsLookedUpInDns() {
        assertThat(TrustedProxies.isLiteral("localhost")).isFalse();
        assertThat(TrustedProxies.isLiteral("1.2.3")).isFalse();
        assertThat(TrustedProxies.isLiteral("01.2.3.4")).isFalse();
        assertThat(TrustedProxies.isLiteral("1.2.3.4")).isTrue();
        assertThat(TrustedProxies.isLiteral("::1")).isTrue();
    }
}
