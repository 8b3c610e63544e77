package dev.trellis.partner.service.command;

/** Creates a machine client for a partner's system; {@code name} says which system. */
public record CreateApiClient(String name) {
}
