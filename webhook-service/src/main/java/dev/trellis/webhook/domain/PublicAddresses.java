package dev.trellis.webhook.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which resolved addresses a webhook may be sent to: public unicast only. The same rule as platform's PublicHttpUrl
 * for literals, applied to every address a name resolves to, with the ranges a URL check alone cannot see: "this
 * network" (0.0.0.0/8), CGNAT (100.64.0.0/10), IETF protocol assignments (192.0.0.0/24), benchmarking (198.18.0.0/15),
 * documentation, reserved (240.0.0.0/4), broadcast, IPv6 unique-local, site-local, NAT64 and 6to4 forms of private
 * IPv4, and IPv4-mapped IPv6. Cloud metadata (169.254.169.254, fd00:ec2::254) falls in link-local and unique-local.
 */
public final class PublicAddresses {
    private PublicAddresses() {
    }

    /** @param allowLoopback let 127.0.0.0/8 and ::1 through (the tests' receiver only) */
    public static boolean allowed(InetAddress address, boolean allowLoopback) {
        if (address.isLoopbackAddress()) {
            return allowLoopback;
        }
        return isPublic(address);
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return publicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return false; // fec0::/10 site local (deprecated)
            }
            if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return publicV4(tail(b, 12)); // ::ffff:a.b.c.d
            }
            if (allZero(b, 0, 12)) {
                return false; // ::a.b.c.d (IPv4-compatible) and ::
            }
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return publicV4(tail(b, 12)); // 64:ff9b::/96 NAT64
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return publicV4(new byte[] { b[2], b[3], b[4], b[5] }); // 2002::/16 6to4
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            return true;
        }
        return false;
    }

    private static boolean publicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224
                || (a0 == 100 && (a1 & 0xc0) == 64)
                || (a0 == 169 && a1 == 254)
                || (a0 == 172 && (a1 & 0xf0) == 16)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2))
                || (a0 == 198 && (a1 & 0xfe) == 18)
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113));
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] b, int from) {
        byte[] out = new byte[b.length - from];
        System.arraycopy(b, from, out, 0, out.length);
        return out;
    }
}
