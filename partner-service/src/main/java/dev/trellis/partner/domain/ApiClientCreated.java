package dev.trellis.partner.domain;

/** A freshly created machine client and its secret, which is shown once and never stored. */
public record ApiClientCreated(ApiClient client, String secret) {
}
