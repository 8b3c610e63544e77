package dev.trellis.event.rest.dto;

import dev.trellis.event.service.command.NewSponsorship;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A proposed sponsorship; only a partner that partner-service reports as active can sponsor. */
@Schema(example = """
        {"partnerId": "a1a1a1a1-0000-4000-8000-000000000001", "level": "GOLD", "amount": "25000.00", "currency": "EUR"}""")
public record SponsorshipRequest(
        @NotNull UUID partnerId,
        @Schema(description = "Level code, e.g. DIAMOND, GOLD, SILVER, COMMUNITY") @NotBlank @Size(max = 40)
        @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "must be an upper-case code such as GOLD") String level,
        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @Schema(description = "ISO 4217 code") @NotNull @Size(max = 3) @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {

    public NewSponsorship toCommand() {
        return new NewSponsorship(partnerId, level, amount, currency);
    }
}
