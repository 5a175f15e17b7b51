package agora.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who the client is when requests come through proxies. {@code X-Forwarded-For} lists the addresses a request
 * passed, each proxy appending the one it heard from; only the entries added by proxies we trust are true. So
 * the client is the last address, read from the right, that is not one of our proxies, and a request that does
 * not come from one of our proxies is its socket's address, whatever its headers say.
 */
final class TrustedProxies {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<IpAddressMatcher> ranges;

    /** @param ranges addresses or CIDR ranges, e.g. {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1} */
    TrustedProxies(List<String> ranges) {
        this.ranges = ranges.stream().map(String::strip).filter(r -> !r.isEmpty()).map(IpAddressMatcher::new).toList();
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * @param socketAddress the address the connection came from
     * @param forwardedFor the values of every {@code X-Forwarded-For} header, in order
     */
    String clientAddress(String socketAddress, Enumeration<String> forwardedFor) {
        if (!trusted(socketAddress) || forwardedFor == null) {
            return socketAddress;
        }
        var hops = new ArrayList<String>();
        while (forwardedFor.hasMoreElements()) {
            for (var hop : forwardedFor.nextElement().split(",")) {
                hops.add(hop.strip());
            }
        }
        var client = socketAddress;
        for (var i = hops.size() - 1; i >= 0; i--) {
            var hop = hops.get(i);
            if (!isLiteral(hop)) {
                // Our proxies write addresses; anything else was written by the client, so the hop after it is
                // the furthest we can vouch for.
                return client;
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        return isLiteral(address) && ranges.stream().anyMatch(range -> range.matches(address));
    }

    /** A literal address: nothing here may ever ask DNS. */
    static boolean isLiteral(String address) {
        if (address == null) {
            return false;
        }
        if (IPV4.matcher(address).matches()) {
            return true;
        }
        if (!IPV6.matcher(address).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(address); // with a colon, parsed as IPv6 or refused; never looked up
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
