package dev.jinaclip.onnx.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The hosts that OkHttp connects to without asking its {@code Dns}, and the address each stands for. OkHttp passes
 * such a host to {@link InetAddress#getByName}, which parses the JDK's IPv4 forms ({@code 127.1},
 * {@code 2130706433}, {@code 0}) and looks up, through the system resolver, any other: so the address is parsed
 * here as the JDK does, without a lookup.
 */
final class IpLiterals {

    // OkHttp's own test (canParseAsIpAddress); HttpUrl.host() is ASCII and drops IPv6 brackets
    private static final Pattern LITERAL = Pattern.compile("([0-9a-fA-F]*:[0-9a-fA-F:.]*)|([\\d.]+)");
    // the JDK's limit: a longer IPv4 form is looked up
    private static final int MAX_IPV4_LENGTH = 15;

    private IpLiterals() {
    }

    /** Whether OkHttp treats {@code host} as an IP literal. */
    static boolean isLiteral(String host) {
        return LITERAL.matcher(host).matches();
    }

    /** The address of literal {@code host}, or {@code null} if the JDK would look it up (not a valid form). */
    static InetAddress address(String host) {
        try {
            // with a colon the JDK parses IPv6 or fails, never looks up
            return host.contains(":") ? InetAddress.getByName(host) : InetAddress.getByAddress(ipv4(host));
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The JDK's IPv4 forms: a.b.c.d, a.b.c (c 16 bits), a.b (b 24 bits), a (32 bits); decimal parts. */
    private static byte[] ipv4(String host) throws UnknownHostException {
        String[] parts = host.split("\\.", -1);
        if (host.length() > MAX_IPV4_LENGTH || parts.length > 4) {
            throw new UnknownHostException(host);
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            int bits = i == parts.length - 1 ? (4 - i) * 8 : 8;
            if (parts[i].isEmpty() || Long.parseLong(parts[i]) >= 1L << bits) {
                throw new UnknownHostException(host);
            }
            value = (value << bits) | Long.parseLong(parts[i]);
        }
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
