package dev.jinaclip.onnx.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Tells the addresses that a server-side fetch must not reach unless allowed: everything that is not a public
 * unicast address. IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}) are {@link Inet4Address}es already; the
 * IPv4-compatible and NAT64 forms are checked as the IPv4 address they carry.
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
        InetAddress embedded = embeddedIpv4((Inet6Address) address, bytes);
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
        if (first >= 240) {
            return "reserved";
        }
        return null;
    }

    /** The IPv4 address in {@code ::a.b.c.d} (IPv4-compatible) or {@code 64:ff9b::a.b.c.d} (NAT64), else null. */
    private static InetAddress embeddedIpv4(Inet6Address address, byte[] bytes) {
        boolean compatible = true;
        for (int i = 0; i < 12; i++) {
            compatible &= bytes[i] == 0;
        }
        boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = bytes[i] == 0;
        }
        if (!compatible && !nat64) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Four bytes are an IPv4 address", e);
        }
    }
}
