package dev.trellis.partner.service.command;

/** What a partner's own staff may change about their organisation, as a merge patch; a present null clears it. */
public record SelfServiceChanges(String description, String website, String logoUrl) {
}
