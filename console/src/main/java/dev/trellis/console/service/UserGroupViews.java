package dev.trellis.console.service;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.EventsApi;
import dev.trellis.console.api.PartnersApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A user group's page: the group with its meetups (event-service), its organisers named (event-service keeps their
 * contact ids, partner-service their names: {@code GET /api/contacts?id=…}), and the community team adding or removing an
 * organiser picked from the CRM's contacts (a merge patch of {@code organiserIds} with {@code If-Match}).
 */
@ApplicationScoped
public class UserGroupViews {

    /** event-service's cap on organisers (UserGroupPatch). */
    public static final int MAX_ORGANISERS = 20;
    public static final String FIELD = "contactId";

    private final EventsApi events;
    private final PartnersApi partners;

    UserGroupViews(@RestClient EventsApi events, @RestClient PartnersApi partners) {
        this.events = events;
        this.partners = partners;
    }

    /** An organiser: the name from partner-service ({@code null} when it knows none), the employer from event-service. */
    public record Organiser(UUID contactId, String name, UUID partnerId, String partnerName) {
    }

    public record GroupPage(EventsApi.UserGroupDetail group, String etag, List<Organiser> organisers, String q,
            List<PartnersApi.Contact> found) {
        public boolean searched() {
            return q != null && !q.isBlank();
        }

        public boolean full() {
            return organisers.size() >= MAX_ORGANISERS;
        }
    }

    /** @param q a search of the contacts to add as organiser; the current organisers are left out of its matches */
    public GroupPage page(UUID groupId, String q) {
        RestResponse<EventsApi.UserGroupDetail> answer = events.userGroupDetail(groupId);
        EventsApi.UserGroupDetail group = answer.getEntity();
        List<UUID> ids = group.organiserIds();
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            partners.contactsById(ids, ids.size()).items().forEach(c -> names.put(c.id(), c.name().strip()));
        }
        Map<UUID, EventsApi.Organiser> employers = new HashMap<>();
        group.organisers().forEach(o -> employers.put(o.contactId(), o));
        List<Organiser> organisers = new ArrayList<>();
        for (UUID id : ids) {
            EventsApi.Organiser e = employers.get(id);
            organisers.add(new Organiser(id, names.get(id), e == null ? null : e.partnerId(), e == null ? null : e.partnerName()));
        }
        String search = Forms.blankToNull(q);
        List<PartnersApi.Contact> found = search == null ? List.of() : partners.searchContacts(search,
                ContactRegistrationViews.MATCHES).items().stream().filter(c -> !ids.contains(c.id())).toList();
        return new GroupPage(group, answer.getHeaderString("ETag"), organisers, q, found);
    }

    /**
     * Adds an organiser at the version the page showed: the list is read again, and the patch carries the page's
     * version, so a group changed meanwhile is refused (412) rather than overwritten.
     *
     * @throws Forms.InvalidField for no contact picked, or one organising the group already
     */
    public void addOrganiser(UUID groupId, String etag, String contactIdText) {
        UUID contactId = Forms.uuid(FIELD, contactIdText);
        if (contactId == null) {
            throw new Forms.InvalidField(FIELD, "choose the contact who organises the group");
        }
        List<UUID> ids = new ArrayList<>(events.userGroupDetail(groupId).getEntity().organiserIds());
        if (ids.contains(contactId)) {
            throw new Forms.InvalidField(FIELD, "organises this group already");
        }
        ids.add(contactId);
        patch(groupId, etag, ids);
    }

    public void removeOrganiser(UUID groupId, String etag, UUID contactId) {
        List<UUID> ids = new ArrayList<>(events.userGroupDetail(groupId).getEntity().organiserIds());
        ids.remove(contactId);
        patch(groupId, etag, ids);
    }

    private void patch(UUID groupId, String etag, List<UUID> organiserIds) {
        Map<String, Object> patch = new HashMap<>();
        patch.put("organiserIds", organiserIds.stream().map(UUID::toString).toList());
        events.changeUserGroup(groupId, etag, patch);
    }

    /** event-service's refusal of the organisers, at the contact field (its {@code organiserIds} is that list). */
    public static FormErrors refusal(ApiProblem problem) {
        return renamed(EventViews.errors(problem, Set.of("organiserIds"), Map.of()), Map.of("organiserIds", FIELD));
    }

    /** The same errors with the API's field names given as the form's. */
    private static FormErrors renamed(FormErrors errors, Map<String, String> formFieldOf) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        errors.fields().forEach((field, messages) -> fields.computeIfAbsent(formFieldOf.getOrDefault(field, field),
                k -> new ArrayList<>()).addAll(messages));
        return new FormErrors(fields, errors.general(), errors.rules(), errors.status());
    }
}
