package dev.trellis.advisory.rest.dto;

import dev.trellis.advisory.domain.policy.Hypothesis;
import dev.trellis.platform.domain.InvalidInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Hypothetical changes to assess against every board's policy, on a day (default today). */
@Schema(example = """
        {"changes": [{"type": "ACQUISITION", "acquirerPartnerId": "a1a1a1a1-0000-4000-8000-000000000001",
                      "acquiredPartnerId": "b2b2b2b2-0000-4000-8000-000000000002"}]}""")
public record WhatIfRequest(LocalDate on, @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Change> changes) {

    /**
     * One change: ACQUISITION (acquirerPartnerId takes control of acquiredPartnerId), TIER_CHANGE (partnerId gets tier),
     * EMPLOYER_CHANGE (contactId now works for newEmployerPartnerId only).
     */
    public record Change(@NotNull Type type, UUID acquirerPartnerId, UUID acquiredPartnerId, UUID partnerId,
            @Size(max = 100) String tier, UUID contactId, UUID newEmployerPartnerId) {
    }

    public enum Type {
        ACQUISITION, TIER_CHANGE, EMPLOYER_CHANGE
    }

    /** The changes as the policy engine takes them; a field a change needs but lacks is a 400 naming it. */
    public Hypothesis toHypothesis() {
        List<Hypothesis.Change> out = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            String at = "changes[" + i + "].";
            out.add(switch (c.type()) {
                case ACQUISITION -> new Hypothesis.Acquisition(required(at + "acquirerPartnerId", c.acquirerPartnerId()),
                        required(at + "acquiredPartnerId", c.acquiredPartnerId()));
                case TIER_CHANGE -> new Hypothesis.TierChange(required(at + "partnerId", c.partnerId()), required(at + "tier",
                        c.tier() == null || c.tier().isBlank() ? null : c.tier().trim()));
                case EMPLOYER_CHANGE -> new Hypothesis.EmployerChange(required(at + "contactId", c.contactId()),
                        required(at + "newEmployerPartnerId", c.newEmployerPartnerId()));
            });
        }
        return new Hypothesis(out);
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw InvalidInput.field(field, "is required for this type of change");
        }
        return value;
    }
}
