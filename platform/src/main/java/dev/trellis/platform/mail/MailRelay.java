package dev.trellis.platform.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.mailer.Attachment;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sends the mails recorded in {@code mail_outbox} ({@link MailOutbox}) over SMTP ({@code quarkus.mailer.*}), with the
 * row's extra headers (List-Unsubscribe ...) and attachments.
 *
 * <p>Each round claims the due rows for a lease ({@code FOR UPDATE SKIP LOCKED}, then {@code claimed_by} and
 * {@code claimed_until}), so two instances never send the same row at once; a claim whose relay died runs out and
 * another takes the row. A row is marked SENT once SMTP accepted it, only by the relay that holds its claim. A failed
 * attempt is retried after a backoff that doubles each time, up to {@code max-attempts}; then the row is FAILED.
 * Between SMTP's acceptance and the mark a crash would send the row again when its claim runs out: each mail
 * carries a Message-ID made from its row id, so such a repeat is recognisable. No transaction stays open while SMTP
 * answers.
 */
@ApplicationScoped
@IfBuildProperty(name = "trellis.mail.enabled", stringValue = "true")
public class MailRelay {
    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
    };
    private static final Logger LOG = Logger.getLogger(MailRelay.class);
    private static final String CLAIM = """
            update mail_outbox m set claimed_by = ?, claimed_until = now() + ? * interval '1 millisecond'
            where m.id in (select id from mail_outbox
                           where status = 'PENDING' and next_attempt_at <= now()
                             and (claimed_until is null or claimed_until < now())
                           order by next_attempt_at, created_at limit ? for update skip locked)
            returning m.id, m.recipient, m.subject, m.body_text, m.body_html, m.attempts, m.headers""";
    private static final String ATTACHMENTS = """
            select mail_id, file_name, content_type, content from mail_attachment
            where mail_id = any (?) order by mail_id, position""";
    private static final String SENT = """
            update mail_outbox set status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = null,
                   claimed_by = null, claimed_until = null, body_text = '', body_html = ''
            where id = ? and claimed_by = ?""";
    private static final String FAILED = """
            update mail_outbox set attempts = attempts + 1, last_error = ?,
                   status = case when attempts + 1 >= ? then 'FAILED' else 'PENDING' end,
                   next_attempt_at = now() + ? * interval '1 millisecond', claimed_by = null, claimed_until = null
            where id = ? and claimed_by = ?""";
    /** A claimed row, with what it takes to send it. */
    record Claimed(UUID id, String recipient, String subject, String text, String html, int attempts,
            Map<String, String> headers, List<Attachment> attachments) {
    }

    private final AgroalDataSource dataSource;
    private final Mailer mailer;
    private final MailConfig.Relay settings;
    private final String messageIdDomain;
    private final ObjectMapper json;
    private final String instance = "mail-relay-" + UUID.randomUUID();

    public MailRelay(AgroalDataSource dataSource, Mailer mailer, MailConfig config, ObjectMapper json) {
        this.dataSource = dataSource;
        this.mailer = mailer;
        this.settings = config.relay();
        this.messageIdDomain = config.messageIdDomain();
        this.json = json;
    }

    @Scheduled(identity = "mail-relay", every = "${trellis.mail.relay.poll-interval:PT5S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (!settings.enabled()) {
            return;
        }
        try {
            while (sendDue() == settings.batchSize()) {
                // a full batch: there may be more due
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Mail relay could not reach the mail outbox (%s); will retry", e.getMessage());
        }
    }

    /** Claims one batch of due mails and sends them. @return how many were claimed */
    int sendDue() throws SQLException {
        List<Claimed> claimed = claim();
        for (Claimed mail : claimed) {
            try {
                mailer.send(toMail(mail));
            } catch (RuntimeException e) {
                failed(mail, e);
                continue;
            }
            sent(mail);
        }
        return claimed.size();
    }

    private List<Claimed> claim() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            Map<UUID, Claimed> rows = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setString(1, instance);
                s.setLong(2, settings.lease().toMillis());
                s.setInt(3, settings.batchSize());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        rows.put(id, new Claimed(id, rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), headers(rs.getString(7)), new ArrayList<>()));
                    }
                }
            }
            if (rows.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement s = c.prepareStatement(ATTACHMENTS)) {
                s.setArray(1, c.createArrayOf("uuid", rows.keySet().toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.get(rs.getObject(1, UUID.class)).attachments().add(
                                new Attachment(rs.getString(2), rs.getBytes(4), rs.getString(3)));
                    }
                }
            }
            return new ArrayList<>(rows.values());
        }
    }

    private Map<String, String> headers(String stored) {
        if (stored == null || stored.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(stored, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable mail headers", e);
        }
    }

    Mail toMail(Claimed claimed) {
        Mail mail = Mail.withText(claimed.recipient(), claimed.subject(), claimed.text()).setHtml(claimed.html());
        mail.addHeader("Message-ID", "<" + claimed.id() + "@" + messageIdDomain + ">");
        claimed.headers().forEach(mail::addHeader);
        mail.setAttachments(claimed.attachments());
        return mail;
    }

    private void sent(Claimed mail) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            int updated;
            try (PreparedStatement s = c.prepareStatement(SENT)) {
                s.setObject(1, mail.id());
                s.setString(2, instance);
                updated = s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("delete from mail_attachment where mail_id = ?")) {
                s.setObject(1, mail.id());
                s.executeUpdate();
            }
            c.commit();
            if (updated == 0) {
                LOG.warnf("Mail relay sent mail %s after its claim ran out; another relay may send it again", mail.id());
            }
        }
    }

    private void failed(Claimed mail, RuntimeException e) throws SQLException {
        int attempts = mail.attempts() + 1;
        Duration wait = backoff(attempts);
        String error = String.valueOf(e.getMessage());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(FAILED)) {
            c.setAutoCommit(true);
            s.setString(1, error.length() > 500 ? error.substring(0, 500) : error);
            s.setInt(2, settings.maxAttempts());
            s.setLong(3, wait.toMillis());
            s.setObject(4, mail.id());
            s.setString(5, instance);
            s.executeUpdate();
        }
        if (attempts >= settings.maxAttempts()) {
            LOG.errorf("Mail %s failed %d times (%s); it is FAILED and will not be tried again", mail.id(), attempts,
                    error);
        } else {
            LOG.warnf("Mail %s could not be sent (%s); attempt %d, next in %s", mail.id(), error, attempts, wait);
        }
    }

    /** The wait after the {@code attempts}-th failure: initial backoff, doubled for each further failure, capped. */
    Duration backoff(int attempts) {
        Duration wait = settings.initialBackoff();
        for (int i = 1; i < attempts && wait.compareTo(settings.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }
}
