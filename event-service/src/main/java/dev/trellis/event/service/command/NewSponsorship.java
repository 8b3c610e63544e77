package dev.trellis.event.service.command;

import java.math.BigDecimal;
import java.util.UUID;

/** A sponsorship to propose: a partner, a level code such as GOLD, and an amount in an ISO 4217 currency. */
public record NewSponsorship(UUID partnerId, String level, BigDecimal amount, String currency) {
}
