package dev.trellis.console.service;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.KeyContactsApi;
import dev.trellis.console.api.PartnersApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The key contacts of a membership on its page: each role with the person who holds it (or nobody), and for staff
 * a form naming one of the partner's current people for a role, and a button clearing one.
 */
@ApplicationScoped
public class KeyContactViews {

    /** partner-service's roles, in its order, with what the console calls them. */
    static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("PRIMARY", "Primary contact");
        ROLES.put("VOTING", "Voting representative");
        ROLES.put("BILLING", "Billing contact");
        ROLES.put("MARKETING", "Marketing contact");
        ROLES.put("TECHNICAL", "Technical contact");
    }

    private final KeyContactsApi keyContacts;
    private final PartnersApi partners;

    KeyContactViews(@RestClient KeyContactsApi keyContacts, @RestClient PartnersApi partners) {
        this.keyContacts = keyContacts;
        this.partners = partners;
    }

    /** A role and its holder; {@code contact} is null while nobody holds it. */
    public record Line(String role, String label, PartnersApi.KeyContact contact) {
    }

    /** One of the partner's people today, to choose from; {@code roles} are their roles at the partner. */
    public record Person(UUID contactId, String name, String roles) {
    }

    /**
     * The section: {@code lines} one per role (empty when the partner has no membership, which holds the key
     * contacts), the people to choose from, and the form as typed.
     */
    public record KeyContacts(boolean membership, List<Line> lines, List<Person> people, Form form, FormErrors errors) {
        public List<Option> roles() {
            List<Option> options = new ArrayList<>();
            ROLES.forEach((role, label) -> options.add(new Option(role, label)));
            return options;
        }

        public boolean anyAssigned() {
            return lines.stream().anyMatch(l -> l.contact() != null);
        }
    }

    public record Option(String value, String label) {
    }

    /** The assignment form as typed. */
    public record Form(String role, String contactId) {
        public static final Form BLANK = new Form("PRIMARY", "");
    }

    public KeyContacts of(UUID partnerId, boolean withPeople, Form form, FormErrors errors) {
        List<PartnersApi.KeyContact> held = PartnerViews.orNullOn404(() -> keyContacts.list(partnerId).items());
        if (held == null) {
            return new KeyContacts(false, List.of(), List.of(), form, errors);
        }
        List<Line> lines = new ArrayList<>();
        ROLES.forEach((role, label) -> lines.add(new Line(role, label,
                held.stream().filter(k -> role.equals(k.role())).findFirst().orElse(null))));
        List<Person> people = List.of();
        if (withPeople) {
            Map<UUID, Person> byContact = new LinkedHashMap<>();
            for (PartnersApi.Affiliation a : partners.affiliations(partnerId, true, 200).items()) {
                if (!a.current()) {
                    continue;
                }
                Person known = byContact.get(a.contactId());
                byContact.put(a.contactId(), new Person(a.contactId(), a.contactName(),
                        known == null ? words(a.role()) : known.roles() + ", " + words(a.role())));
            }
            people = byContact.values().stream().sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER)).toList();
        }
        return new KeyContacts(true, lines, people, form, errors);
    }

    /** @throws Forms.InvalidField for a role or person not chosen from the lists */
    public void assign(UUID partnerId, Form form) {
        String role = role(form.role());
        UUID contactId = Forms.uuid("contactId", form.contactId());
        if (contactId == null) {
            throw new Forms.InvalidField("contactId", "choose one of the partner's people");
        }
        keyContacts.assign(partnerId, role, new KeyContactsApi.Assignment(contactId));
    }

    public void remove(UUID partnerId, String role) {
        keyContacts.remove(partnerId, role(role));
    }

    /** A refusal next to its field: partner-service names {@code contactId} or {@code role}; anything else at the role. */
    public static FormErrors errors(ApiProblem problem) {
        FormErrors errors = FormErrors.of(problem, Set.of("role", "contactId"));
        if (errors.fields().isEmpty() && problem.status() == 404) {
            return FormErrors.field("role", problem.detail());
        }
        return errors;
    }

    private static String role(String value) {
        String role = Forms.blankToNull(value);
        if (role == null || !ROLES.containsKey(role)) {
            throw new Forms.InvalidField("role", "must be one of " + String.join(", ", ROLES.values()));
        }
        return role;
    }

    private static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String s = code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
