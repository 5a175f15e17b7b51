package agora.platform.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientKeysTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertThat(ClientKeys.of("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareAKey() {
        assertThat(ClientKeys.of("2001:db8:1:2::1")).isEqualTo(ClientKeys.of("2001:db8:1:2:ffff:ffff:ffff:ffff"))
                .isEqualTo("20010db800010002::/64");
        assertThat(ClientKeys.of("2001:db8:1:3::1")).isNotEqualTo(ClientKeys.of("2001:db8:1:2::1"));
    }
}
