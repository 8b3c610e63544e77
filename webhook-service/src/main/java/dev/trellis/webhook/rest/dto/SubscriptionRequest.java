package dev.trellis.webhook.rest.dto;

import dev.trellis.webhook.service.SubscriptionCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription: where to send, which event types, and (staff only) the partner whose events only it gets. A
 * partner's own subscription always gets its own partner's events only. On update, the whole subscription.
 */
@Schema(example = """
        {"url": "https://crm.example.com/hooks/trellis", "description": "Our CRM",
         "eventTypes": ["dev.trellis.partner.membership-changed.v1"], "partnerId": null, "enabled": true}""")
public record SubscriptionRequest(
        @NotBlank @Size(max = 2000) @Schema(description = "a public http(s) URL; https is strongly advised") String url,
        @Size(max = 200) String description,
        @NotNull @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> eventTypes,
        @Schema(description = "only events whose partnerId is this one; null: any (staff)") UUID partnerId,
        @Schema(description = "null: on for a new subscription, unchanged on update") Boolean enabled) {

    public SubscriptionCommand toCommand() {
        return new SubscriptionCommand(url, description, eventTypes, partnerId, enabled);
    }
}
