package dev.trellis.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The local GreenMail's mailboxes (deploy/local/mail.sh), read through its REST API: what the stack really sent.
 * Every test writes to addresses of its own, so a mailbox holds only that test's mail.
 */
public final class Mailbox {
    public static final URI API = URI.create(System.getenv().getOrDefault("TRELLIS_GREENMAIL_API_URL",
            "http://127.0.0.1:8025"));

    /** One received mail: its subject and its text part, decoded, and the message as it arrived. */
    public record Mail(String subject, String text, String mime) {
        /** The attached file of that name, decoded as UTF-8 text; null when there is none. */
        public String attachment(String fileName) {
            int name = mime.indexOf("filename=" + fileName);
            if (name < 0) {
                name = mime.indexOf("filename=\"" + fileName + "\"");
            }
            if (name < 0) {
                return null;
            }
            int partStart = mime.lastIndexOf("\r\n--", name);
            int bodyStart = mime.indexOf("\r\n\r\n", name) + 4;
            int end = mime.indexOf("\r\n--", bodyStart);
            String headers = mime.substring(Math.max(partStart, 0), bodyStart).toLowerCase(java.util.Locale.ROOT);
            String body = mime.substring(bodyStart, end < 0 ? mime.length() : end);
            if (headers.contains("content-transfer-encoding: base64")) {
                return new String(java.util.Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
            }
            return headers.contains("quoted-printable") ? quotedPrintable(body) : body;
        }
    }

    private Mailbox() {
    }

    /** A new address of this suite's own mail domain. */
    public static String address(String what) {
        return what + "-" + UUID.randomUUID() + "@e2e.mail-test.trellis.dev";
    }

    /** The mails to {@code address}, oldest first; none while GreenMail has not seen the address. */
    public static List<Mail> mails(String address) {
        Http.Response r = Http.send(Http.request(API.resolve("/api/user/"
                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX")).GET());
        List<Mail> mails = new ArrayList<>();
        if (r.status() != 200) {
            return mails;
        }
        for (JsonNode m : r.json()) {
            String mime = m.get("mimeMessage").asText();
            mails.add(new Mail(m.get("subject").asText(), textPart(mime), mime));
        }
        return mails;
    }

    /** Waits until {@code address} has {@code count} mails (up to a minute) and returns them. */
    public static List<Mail> await(String address, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<Mail> mails = mails(address);
        while (mails.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            mails = mails(address);
        }
        if (mails.size() < count) {
            throw new AssertionError("expected " + count + " mails to " + address + ", got " + mails.size()
                    + " (is GreenMail up? deploy/local/mail.sh)");
        }
        return mails;
    }

    /** The text/plain part of a MIME message (the services send it quoted-printable). */
    static String textPart(String mime) {
        int type = mime.indexOf("Content-Type: text/plain");
        if (type < 0) {
            return "";
        }
        int start = mime.indexOf("\r\n\r\n", type) + 4;
        int end = mime.indexOf("\r\n--", start);
        String headers = mime.substring(type, start);
        String body = mime.substring(start, end < 0 ? mime.length() : end);
        return headers.contains("quoted-printable") ? quotedPrintable(body) : body;
    }

    private static String quotedPrintable(String body) {
        String joined = body.replace("=\r\n", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length()) {
                out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
