package dev.trellis.platform.testing.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;

/**
 * Reads what a service's mail relay sent from the local GreenMail (deploy/local/mail.sh, started by
 * {@code infra.sh up}) over IMAP, with authentication off: the address is the user, any password. Recipients are new
 * addresses at {@code @mail-test.trellis.dev}, the only domain the tests' mailers send to, one per test, so a test
 * sees only its own mails; their order is never assumed.
 *
 * <p>GreenMail now and then drops an IMAP connection while a mail is being delivered to the same mailbox ("BYE ...
 * Connection dropped by server?"). A read that fails that way is the reader's problem, not the relay's: it is made
 * again until {@link #WAIT} has passed, and only then reported.
 */
public final class GreenMailInbox {
    /** GreenMail's IMAP port; SMTP is quarkus.mailer.port. */
    public static final int IMAP_PORT = 3143;
    public static final Duration WAIT = Duration.ofSeconds(30);

    private GreenMailInbox() {
    }

    /** A new address, one mailbox per test. */
    public static String newAddress(String who) {
        return who + "-" + UUID.randomUUID() + "@mail-test.trellis.dev";
    }

    /** Waits until the address holds {@code count} mails and fails if it holds more by then. */
    public static List<Received> await(String to, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<Received> mails = List.of();
        while (System.nanoTime() < deadline) {
            mails = mails(to);
            if (mails.size() >= count) {
                assertEquals(count, mails.size(), "more mails than expected to " + to);
                return mails;
            }
            Thread.sleep(200);
        }
        return fail("expected " + count + " mails to " + to + " within " + WAIT + ", got " + mails.size()
                + " (is GreenMail up? deploy/local/mail.sh up)");
    }

    /** The address's INBOX as it is now, read again when GreenMail drops the connection. */
    public static List<Received> mails(String to) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return readOnce(to);
            } catch (MessagingException dropped) {
                if (System.nanoTime() > deadline) {
                    throw dropped;
                }
                Thread.sleep(200);
            }
        }
    }

    private static List<Received> readOnce(String to) throws MessagingException, IOException, ParserException {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", String.valueOf(IMAP_PORT));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(to, "any");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Received> received = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    received.add(Received.of((MimeMessage) message));
                }
                return received;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** What a mail said, taken apart; {@code otherParts} names the content types of parts that are none of these. */
    public record Received(List<String> recipients, String messageId, String subject, String text, String html,
            String listUnsubscribe, String listUnsubscribePost, List<String> attachmentNames, Calendar calendar,
            List<String> otherParts) {

        /** The mail outbox row the mail came from: its Message-ID is {@code <row id@domain>}. */
        public String rowId() {
            return messageId.substring(1, messageId.indexOf('@'));
        }

        static Received of(MimeMessage message) throws MessagingException, IOException, ParserException {
            List<String> recipients = new ArrayList<>();
            for (Address address : message.getRecipients(Message.RecipientType.TO)) {
                recipients.add(((InternetAddress) address).getAddress());
            }
            Parts parts = new Parts();
            parts.walk(message);
            return new Received(recipients, message.getMessageID(), message.getSubject(), parts.text, parts.html,
                    message.getHeader("List-Unsubscribe", null), message.getHeader("List-Unsubscribe-Post", null),
                    parts.attachments, parts.calendar, parts.others);
        }
    }

    private static final class Parts {
        String text;
        String html;
        final List<String> attachments = new ArrayList<>();
        final List<String> others = new ArrayList<>();
        Calendar calendar;

        void walk(Part part) throws MessagingException, IOException, ParserException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i));
                }
            } else if (part.getFileName() != null) {
                attachments.add(part.getFileName());
                if (part.isMimeType("text/calendar")) {
                    try (InputStream in = part.getInputStream()) {
                        calendar = new CalendarBuilder().build(new InputStreamReader(in, StandardCharsets.UTF_8));
                    }
                } else {
                    others.add(part.getContentType());
                }
            } else if (part.isMimeType("text/plain")) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html")) {
                html = String.valueOf(part.getContent());
            } else {
                others.add(part.getContentType());
            }
        }
    }
}
