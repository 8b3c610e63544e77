package dev.trellis.platform.mail;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a mail from the Qute templates {@code templates/mail/<language>/<kind>.txt} and {@code .html}: the subject
 * is the text template's fragment {@code subject}, the text part the rest of it, the HTML part the other file (its
 * values HTML-escaped). A template missing in {@code trellis.mail.language} falls back to {@code en}.
 */
@ApplicationScoped
@IfBuildProperty(name = "trellis.mail.enabled", stringValue = "true")
public class MailTemplates {
    public static final String FALLBACK_LANGUAGE = "en";

    private final Engine engine;
    private final MailConfig config;

    public MailTemplates(Engine engine, MailConfig config) {
        this.engine = engine;
        this.config = config;
    }

    public RenderedMail render(String kind, Map<String, Object> data) {
        Template text = template(kind, "txt");
        return new RenderedMail(text.getFragment("subject").data(data).render().strip(),
                text.data(data).render().stripLeading(), template(kind, "html").data(data).render());
    }

    /** The locale of the configured language, for dates and numbers in the mails. */
    public Locale locale() {
        return Locale.forLanguageTag(config.language());
    }

    /** {@code trellis.mail.public-url} without a trailing slash. */
    public String publicUrl() {
        return config.publicUrl().replaceAll("/+$", "");
    }

    private Template template(String kind, String suffix) {
        Template template = engine.getTemplate("mail/" + config.language() + "/" + kind + "." + suffix);
        if (template == null) {
            template = engine.getTemplate("mail/" + FALLBACK_LANGUAGE + "/" + kind + "." + suffix);
        }
        if (template == null) {
            throw new IllegalStateException("no mail template " + kind + "." + suffix);
        }
        return template;
    }
}
