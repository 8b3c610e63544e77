package dev.trellis.partner.service;

import dev.trellis.partner.domain.Affiliation;
import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.service.ImportResult.Outcome;
import dev.trellis.partner.service.command.ImportContact;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * CSV import of contacts with affiliations (docs/import.md). Each line is an upsert by email through the services'
 * own write paths ({@link ContactService}, {@link AffiliationService}), so their events are written as for any
 * edit, and a line that finds nothing to change writes nothing. Chunks, transactions and the dry run are the
 * {@link ImportRunner}'s; a chunk is looked up at once (partners by id and domain, its contacts by email, locked,
 * and their affiliations) and written in one flush (batched inserts) with its events in one outbox batch.
 */
@ApplicationScoped
public class ContactImportService implements ImportRunner.Steps<ImportContact, ContactImportService.Chunk> {
    private final ImportRunner runner;
    private final ContactService contacts;
    private final AffiliationService affiliations;
    private final PartnerService partners;

    public ContactImportService(ImportRunner runner, ContactService contacts, AffiliationService affiliations,
            PartnerService partners) {
        this.runner = runner;
        this.contacts = contacts;
        this.affiliations = affiliations;
        this.partners = partners;
    }

    /**
     * Imports the lines in order, handing each line's result to {@code results} as its chunk is done (in a dry
     * run, before anything is rolled back). Not {@code @Transactional}: the runner makes its own transactions.
     */
    public void run(Iterator<ImportLine<ImportContact>> lines, boolean dryRun, Consumer<ImportResult> results) {
        runner.run(lines, dryRun, this, results);
    }

    @Override
    public Chunk lookUp(List<ImportContact> commands) {
        Set<String> domains = new HashSet<>();
        Set<UUID> partnerIds = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (ImportContact command : commands) {
            emails.add(normalEmail(command.email()));
            if (command.role() != null) {
                if (command.partnerId() != null) {
                    partnerIds.add(command.partnerId());
                } else {
                    domains.add(domainOf(command));
                }
            }
        }
        Chunk known = new Chunk(partners.idsByEmailDomains(domains), partners.existing(partnerIds),
                contacts.lockLiveByEmails(emails));
        known.affiliations.putAll(affiliations.ofContacts(
                known.contacts.values().stream().map(c -> c.id).toList()));
        return known;
    }

    @Override
    public void finish(Chunk known) {
        contacts.finishImported(known.writes);
        affiliations.finishImported(known.writes);
    }

    @Override
    public ImportResult apply(ImportLine<ImportContact> line, Chunk known) {
        ImportContact command = line.command();
        UUID partnerId = null;
        String partnerName = null;
        if (command.role() != null) {
            if (command.partnerId() != null) {
                if (!known.partnerIds.contains(command.partnerId())) {
                    return ImportResult.refused(line, "partnerId: no partner has this id");
                }
                partnerId = command.partnerId();
                partnerName = command.partnerId().toString();
            } else {
                String domain = domainOf(command);
                partnerId = known.partnersByDomain.get(domain);
                if (partnerId == null) {
                    return ImportResult.refused(line, (command.partnerDomain() != null ? "partnerDomain" : "email")
                            + ": no partner has the email domain " + domain);
                }
                partnerName = domain;
            }
        }
        String email = normalEmail(command.email());
        Contact contact = known.contacts.get(email);
        if (contact == null) {
            List<String> missing = new ArrayList<>();
            if (blank(command.firstName())) {
                missing.add("firstName: needed for a new contact");
            }
            if (blank(command.lastName())) {
                missing.add("lastName: needed for a new contact");
            }
            if (!missing.isEmpty()) {
                return ImportResult.refused(line, String.join("; ", missing));
            }
            Contact created = contacts.createImported(command.details(), known.writes);
            known.contacts.put(email, created);
            String reason = "contact";
            if (partnerId != null) {
                affiliations.startImported(created, known.affiliationsOf(created), partnerId, command.role(),
                        command.startDate(), known.writes);
                reason += "; affiliation " + command.role() + " at " + partnerName + " from " + command.startDate();
            }
            return new ImportResult(line.line(), line.key(), Outcome.CREATED, reason);
        }
        ContactService.ImportedChanges changes = contacts.applyImported(contact, command.details());
        Optional<Affiliation> started = partnerId == null ? Optional.empty()
                : affiliations.startImported(contact, known.affiliationsOf(contact), partnerId, command.role(),
                        command.startDate(), known.writes);
        List<String> said = new ArrayList<>();
        if (!changes.changed().isEmpty()) {
            said.add("changed " + String.join(", ", changes.changed()));
        }
        if (started.isPresent()) {
            said.add("affiliation " + command.role() + " at " + partnerName + " from " + command.startDate());
        }
        if (!changes.keptManual().isEmpty()) {
            said.add("kept as a person set them: " + String.join(", ", changes.keptManual()));
        }
        boolean changed = !changes.changed().isEmpty() || started.isPresent();
        return new ImportResult(line.line(), line.key(), changed ? Outcome.UPDATED : Outcome.UNCHANGED,
                String.join("; ", said));
    }

    private static String normalEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String domainOf(ImportContact command) {
        String domain = command.partnerDomain() != null ? command.partnerDomain()
                : command.email().substring(command.email().lastIndexOf('@') + 1);
        return domain.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** What one chunk looked up and what it wrote so far. */
    static final class Chunk {
        final Map<String, UUID> partnersByDomain;
        final Set<UUID> partnerIds;
        /** By lower-case email: the chunk's existing contacts (locked) and those it created. */
        final Map<String, Contact> contacts;
        final Map<UUID, List<Affiliation>> affiliations = new HashMap<>();
        final ImportWrites writes = new ImportWrites();

        Chunk(Map<String, UUID> partnersByDomain, Set<UUID> partnerIds, Map<String, Contact> contacts) {
            this.partnersByDomain = partnersByDomain;
            this.partnerIds = partnerIds;
            this.contacts = contacts;
        }

        List<Affiliation> affiliationsOf(Contact contact) {
            return affiliations.computeIfAbsent(contact.id, id -> new ArrayList<>());
        }
    }
}
