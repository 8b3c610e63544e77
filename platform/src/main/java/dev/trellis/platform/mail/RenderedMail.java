package dev.trellis.platform.mail;

/** A mail's subject, text part and HTML part, as rendered from its templates. */
public record RenderedMail(String subject, String text, String html) {
}
