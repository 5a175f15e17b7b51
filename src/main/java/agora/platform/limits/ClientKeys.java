package agora.platform.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Whose bucket a client address fills: an IPv4 address's own, an IPv6 address's /64 network's (one customer
 * is usually given a whole /64, and could otherwise take a fresh bucket for every request).
 */
final class ClientKeys {

    private ClientKeys() {
    }

    /** @param address a literal address, as the servlet container (or a trusted proxy) reports it */
    static String of(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            // A literal with a colon is parsed as IPv6, never looked up in DNS.
            var bytes = InetAddress.getByName(address).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(Arrays.copyOf(bytes, 8)) + "::/64" : address;
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
