package dev.jinaclip.onnx.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Tells the addresses that a server-side fetch must not reach unless allowed: everything that is not a public
 * unicast address. IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}) are {@link Inet4Address}es already; the
 * IPv4-compatible, NAT64 and 6to4 forms are checked as the IPv4 address they carry. Local NAT64 ({@code
 * 64:ff9b:1::/48}) translates to whatever its network chose, so it is refused as a whole.
 */
final class PrivateAddresses {

    private PrivateAddresses() {
    }

    /** What kind of non-public address {@code address} is ("loopback", ...), or {@code null} for a public one. */
    static String kind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "any-local";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return kindOfIpv4(bytes);
        }
        if ((bytes[0] & 0xfe) == 0xfc) {
            return "unique-local";
        }
        if (startsWith(bytes, 0, 0x64, 0xff, 0x9b, 0, 1)) {
            return "local NAT64";
        }
        InetAddress embedded = embeddedIpv4(bytes);
        return embedded == null ? null : kind(embedded);
    }

    private static String kindOfIpv4(byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 0) {
            return "this-network";
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return "carrier-grade NAT";
        }
        if (first == 192 && second == 0 && bytes[2] == 0) {
            return "protocol-assignment";
        }
        if (first == 198 && (second & 0xfe) == 18) {
            return "benchmarking";
        }
        if (first >= 240) {
            return "reserved";
        }
        return null;
    }

    /**
     * The IPv4 address in {@code ::a.b.c.d} (IPv4-compatible), {@code 64:ff9b::a.b.c.d} (NAT64) or
     * {@code 2002:aabb:ccdd::/48} (6to4), else null.
     */
    private static InetAddress embeddedIpv4(byte[] bytes) {
        if (startsWith(bytes, 0x20, 0x02)) {
            return ipv4(bytes, 2);
        }
        boolean compatible = startsWith(bytes, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        boolean nat64 = startsWith(bytes, 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0);
        return compatible || nat64 ? ipv4(bytes, 12) : null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes, int from) {
        try {
            return InetAddress.getByAddress(new byte[] {bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Four bytes are an IPv4 address", e);
        }
    }
}
