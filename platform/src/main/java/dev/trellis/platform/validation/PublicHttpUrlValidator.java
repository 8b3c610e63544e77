package dev.trellis.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks {@link PublicHttpUrl}. Looks at the URL only: it never resolves a name. */
public class PublicHttpUrlValidator implements ConstraintValidator<PublicHttpUrl, String> {
    static final int MAX_LENGTH = 2000;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Hosts written as a bare number or in hex/octal parts, which some resolvers read as IPv4 addresses. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]+|\\d+)(\\.(0x[0-9a-f]+|\\d+))*");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || isPublicHttpUrl(value);
    }

    public static boolean isPublicHttpUrl(String value) {
        if (value.length() > MAX_LENGTH || value.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            return publicAddress(host.substring(1, host.length() - 1));
        }
        if (IPV4.matcher(host).matches()) {
            return publicAddress(host);
        }
        if (NUMERIC_HOST.matcher(host).matches()) {
            return false;
        }
        return host.contains(".") && !host.equals("localhost") && !host.endsWith(".localhost")
                && !host.endsWith(".local") && !host.endsWith(".internal") && !host.endsWith(".home.arpa");
    }

    private static boolean publicAddress(String literal) {
        InetAddress address;
        try {
            address = InetAddress.getByName(literal); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return false;
        }
        byte[] b = address.getAddress();
        boolean uniqueLocalV6 = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        boolean carrierGradeNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        return !(address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || carrierGradeNat);
    }
}
