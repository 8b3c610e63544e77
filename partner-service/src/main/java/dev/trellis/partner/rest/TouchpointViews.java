package dev.trellis.partner.rest;

import dev.trellis.partner.domain.NextStep;
import dev.trellis.partner.domain.Touchpoint;
import dev.trellis.partner.rest.dto.NextStepResponse;
import dev.trellis.partner.rest.dto.TouchpointResponse;
import dev.trellis.partner.service.ContactService;
import dev.trellis.partner.service.PartnerService;
import dev.trellis.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Touchpoints and next steps as responses, with the names of the partners and contacts they refer to. */
@ApplicationScoped
public class TouchpointViews {
    private final PartnerService partners;
    private final ContactService contacts;

    public TouchpointViews(PartnerService partners, ContactService contacts) {
        this.partners = partners;
        this.contacts = contacts;
    }

    TouchpointResponse touchpoint(Touchpoint touchpoint, LocalDate today) {
        return touchpoints(List.of(touchpoint), today).get(0);
    }

    Page<TouchpointResponse> touchpoints(Page<Touchpoint> page, LocalDate today) {
        return new Page<>(touchpoints(page.items(), today), page.next());
    }

    private List<TouchpointResponse> touchpoints(Collection<Touchpoint> touchpoints, LocalDate today) {
        Map<UUID, String> partnerNames = partners.names(touchpoints.stream().map(t -> t.partnerId).collect(Collectors.toSet()));
        Map<UUID, String> contactNames = contacts.displayNames(touchpoints.stream()
                .flatMap(t -> t.contactIds().stream()).collect(Collectors.toSet()));
        return touchpoints.stream().map(t -> TouchpointResponse.of(t, today, partnerNames, contactNames)).toList();
    }

    NextStepResponse step(NextStep step, LocalDate today) {
        return NextStepResponse.of(step, today, partners.names(Set.of(step.touchpoint.partnerId)));
    }

    Page<NextStepResponse> steps(Page<NextStep> page, LocalDate today) {
        Map<UUID, String> partnerNames = partners.names(page.items().stream().map(s -> s.touchpoint.partnerId)
                .collect(Collectors.toSet()));
        return page.map(s -> NextStepResponse.of(s, today, partnerNames));
    }
}
