package dev.trellis.webhook.messaging.out;

import dev.trellis.webhook.config.WebhookConfig;
import dev.trellis.webhook.domain.PublicAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends one webhook request. The target's name is resolved here, every address it resolves to must be allowed
 * ({@link PublicAddresses}), and the connection goes to the address that was checked: a name that resolves to a
 * public address when the subscription is made and to an internal one later (DNS rebinding) is refused. HTTPS keeps
 * the host name for SNI and certificate checks; {@code Host} names it too. Redirects are not followed (a 3xx is a
 * failed attempt); only the status line of the answer is read.
 */
@ApplicationScoped
public class WebhookSender {
    private static final int MAX_STATUS_LINE = 8192;

    private final WebhookConfig.Delivery config;

    public WebhookSender(WebhookConfig config) {
        this.config = config.delivery();
    }

    /** How an attempt went: a status code (any), or none and the reason the request could not be made. */
    public record Outcome(Integer statusCode, String error) {
        public boolean success() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** A target that must not be called, and why. */
    public static final class RefusedTarget extends Exception {
        public RefusedTarget(String message) {
            super(message);
        }
    }

    /**
     * Resolves the URL's host and checks every address.
     *
     * @return the address to connect to
     * @throws RefusedTarget for a URL that is not http(s), a name that does not resolve, or any non-public address
     */
    public InetAddress resolve(URI url) throws RefusedTarget {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedTarget("not an http(s) URL");
        }
        if (url.getHost() == null || url.getRawUserInfo() != null) {
            throw new RefusedTarget("the URL has no host, or has credentials");
        }
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(IDN.toASCII(host));
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new RefusedTarget("the host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!PublicAddresses.allowed(address, config.allowLoopback())) {
                throw new RefusedTarget("the host resolves to a non-public address (" + address.getHostAddress() + ")");
            }
        }
        return addresses[0];
    }

    /** Resolves, checks and sends; never throws for what the network or the receiver does. */
    public Outcome send(String url, Map<String, String> headers, String body) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return new Outcome(null, "not a URL");
        }
        InetAddress address;
        try {
            address = resolve(uri);
        } catch (RefusedTarget refused) {
            return new Outcome(null, "refused target: " + refused.getMessage());
        }
        try {
            return new Outcome(post(uri, address, headers, body), null);
        } catch (java.net.SocketTimeoutException e) {
            return new Outcome(null, "timed out");
        } catch (IOException e) {
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Outcome(null, message.length() > 300 ? message.substring(0, 300) : message);
        }
    }

    private int post(URI uri, InetAddress address, Map<String, String> headers, String body) throws IOException {
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        String host = uri.getHost();
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(address, port), (int) config.connectTimeout().toMillis());
            plain.setSoTimeout((int) config.readTimeout().toMillis());
            Socket socket = plain;
            if (https) {
                SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                if (!host.startsWith("[")) {
                    parameters.setServerNames(List.of(new SNIHostName(IDN.toASCII(host))));
                }
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                socket = tls;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
            StringBuilder request = new StringBuilder()
                    .append("POST ").append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getRawAuthority()).append("\r\n")
                    .append("User-Agent: Trellis-Webhooks/1\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Content-Length: ").append(content.length).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            return statusCode(new java.io.BufferedInputStream(socket.getInputStream(), 512), System.nanoTime() + config.readTimeout().toNanos());
        } finally {
            plain.close();
        }
    }

    /** Reads {@code HTTP/1.x NNN ...} and nothing more. */
    private static int statusCode(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (System.nanoTime() > deadline) {
                throw new java.net.SocketTimeoutException("the answer trickles in");
            }
            if (line.size() >= MAX_STATUS_LINE) {
                throw new IOException("status line too long");
            }
            line.write(c);
        }
        String status = line.toString(StandardCharsets.US_ASCII).trim();
        String[] parts = status.split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer");
        }
        try {
            int code = Integer.parseInt(parts[1]);
            if (code < 100 || code > 599) {
                throw new IOException("not an HTTP status");
            }
            return code;
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status");
        }
    }
}
