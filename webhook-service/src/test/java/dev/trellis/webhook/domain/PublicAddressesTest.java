package dev.trellis.webhook.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.8.9.10", "::1", "0.0.0.0", "0.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255",
            "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "192.0.0.8", "198.18.0.1", "224.0.0.1",
            "240.0.0.1", "255.255.255.255", "fe80::1", "fc00::1", "fd00:ec2::254", "fec0::1", "::ffff:127.0.0.1",
            "::ffff:10.0.0.1", "::127.0.0.1", "::", "64:ff9b::a00:1", "2002:a00:1::", "2001:db8::1", "ff02::1" })
    void nonPublicAddressesAreRefused(String literal) throws Exception {
        assertFalse(PublicAddresses.isPublic(InetAddress.getByName(literal)), literal);
        assertFalse(PublicAddresses.allowed(InetAddress.getByName(literal), false), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "::ffff:8.8.8.8", "64:ff9b::808:808" })
    void publicAddressesPass(String literal) throws Exception {
        assertTrue(PublicAddresses.isPublic(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "::1" })
    void loopbackPassesOnlyWhenAllowed(String literal) throws Exception {
        assertTrue(PublicAddresses.allowed(InetAddress.getByName(literal), true));
        assertFalse(PublicAddresses.allowed(InetAddress.getByName("10.0.0.1"), true));
    }
}
