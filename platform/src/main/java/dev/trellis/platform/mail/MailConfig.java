package dev.trellis.platform.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The mail machinery ({@code trellis.mail.*}; docs/mail.md) of a service that sends mail. The SMTP server, its
 * credentials and the sender are Quarkus' {@code quarkus.mailer.*}.
 */
@ConfigMapping(prefix = "trellis.mail")
public interface MailConfig {

    /**
     * A build-time switch: only a service with {@code trellis.mail.enabled=true} (and quarkus-mailer, a table
     * {@code mail_outbox}) has the beans of this package.
     */
    @WithDefault("false")
    boolean enabled();

    /** The language of the templates ({@code templates/mail/<language>/}); English when it has none of its own. */
    @WithDefault("en")
    String language();

    /** Where recipients reach the API (the gateway), for the links in the mails. */
    @WithDefault("http://127.0.0.1:8080")
    String publicUrl();

    /** The right-hand side of each mail's Message-ID ({@code <row id@domain>}). */
    @WithDefault("mail.trellis.dev")
    String messageIdDomain();

    Relay relay();

    /** The relay that sends the recorded mails (MailRelay). */
    interface Relay {
        /** Off: mails are still recorded but none is sent (another instance, or a later start, sends them). */
        @WithDefault("true")
        boolean enabled();

        /** How often the relay looks for due mails. */
        @WithDefault("PT5S")
        Duration pollInterval();

        /** Mails claimed and sent per round. */
        @WithDefault("20")
        int batchSize();

        /** How long a claim keeps other instances off a mail; must outlast sending a batch. */
        @WithDefault("PT5M")
        Duration lease();

        /** After this many failed attempts a mail is FAILED and no longer tried. */
        @WithDefault("10")
        int maxAttempts();

        /** Wait after the first failure; it doubles with each further failure, up to {@link #maxBackoff()}. */
        @WithDefault("PT30S")
        Duration initialBackoff();

        @WithDefault("PT1H")
        Duration maxBackoff();
    }
}
