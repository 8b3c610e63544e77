package dev.trellis.partner.service;

import dev.trellis.partner.domain.Affiliation;
import dev.trellis.partner.domain.Contact;
import dev.trellis.partner.service.ImportResult.Outcome;
import dev.trellis.partner.service.command.ImportContact;
import dev.trellis.platform.domain.DomainException;
import dev.trellis.platform.domain.StateConflict;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
import org.jboss.logging.Logger;

/**
 * CSV import of contacts with affiliations (docs/import.md). Each line is an upsert by email through the services'
 * own write paths ({@link ContactService}, {@link AffiliationService}), so their events are written as for any
 * edit, and a line that finds nothing to change writes nothing.
 *
 * <p>A real run commits every {@value #CHUNK} lines: memory stays flat whatever the file's size, and a run that
 * stops half-way leaves whole chunks behind; running the file again finds those lines unchanged and does the rest.
 * A line a service refuses after all (a concurrent edit) rolls its chunk back, and the chunk is done again
 * without it. A dry run does the same work in one transaction that is rolled back at the end, so it answers,
 * line by line, what the real run would.
 */
@ApplicationScoped
public class ContactImportService {
    static final int CHUNK = 500;
    /** A dry run is one transaction: long enough for a large file. */
    private static final int DRY_RUN_TIMEOUT_SECONDS = 3600;
    private static final Logger LOG = Logger.getLogger(ContactImportService.class);

    private final ContactService contacts;
    private final AffiliationService affiliations;
    private final PartnerService partners;
    private final EntityManager em;

    public ContactImportService(ContactService contacts, AffiliationService affiliations, PartnerService partners,
            EntityManager em) {
        this.contacts = contacts;
        this.affiliations = affiliations;
        this.partners = partners;
        this.em = em;
    }

    /**
     * Imports the lines in order, handing each line's result to {@code results} as its chunk is done (in a dry
     * run, before anything is rolled back). Not {@code @Transactional}: it makes its own transactions.
     */
    public void run(Iterator<ImportLine<ImportContact>> lines, boolean dryRun, Consumer<ImportResult> results) {
        if (dryRun) {
            try {
                dryRun(lines, results);
            } catch (DryRunDone done) {
                // rolled back, as a dry run always is
            }
            return;
        }
        realRun(lines, results);
    }

    /** The whole file in one transaction, rolled back at the end (by {@link DryRunDone}). */
    private void dryRun(Iterator<ImportLine<ImportContact>> lines, Consumer<ImportResult> results) {
        QuarkusTransaction.requiringNew().timeout(DRY_RUN_TIMEOUT_SECONDS).run(() -> {
            while (lines.hasNext()) {
                List<ImportLine<ImportContact>> chunk = next(lines);
                List<ImportResult> done;
                try {
                    done = apply(chunk, Map.of(), false);
                } catch (LineFailed | ChunkFailed failed) {
                    long line = failed instanceof LineFailed lineFailed ? lineFailed.line.line() : chunk.get(0).line();
                    throw StateConflict.of("import-interrupted", "Import interrupted",
                            "Line " + line + " changed while the dry run ran; run it again");
                }
                done.forEach(results);
            }
            throw new DryRunDone();
        });
    }

    /**
     * Chunk by chunk, each in its own transaction, written in batches. A chunk whose batch fails (a concurrent
     * edit) is done again line by line, each line flushed, to find the line at fault; that line is refused with
     * the reason, and the chunk is done again without it.
     */
    private void realRun(Iterator<ImportLine<ImportContact>> lines, Consumer<ImportResult> results) {
        while (lines.hasNext()) {
            List<ImportLine<ImportContact>> chunk = next(lines);
            Map<Integer, ImportResult> failed = new HashMap<>();
            List<ImportResult> done = null;
            boolean lineByLine = false;
            while (done == null) {
                boolean flushEachLine = lineByLine;
                try {
                    done = QuarkusTransaction.requiringNew().call(() -> apply(chunk, failed, flushEachLine));
                } catch (LineFailed f) {
                    failed.put(f.index, ImportResult.refused(f.line, f.reason));
                } catch (ChunkFailed f) {
                    if (lineByLine) {
                        throw f.getCause() instanceof RuntimeException cause ? cause : f;
                    }
                    lineByLine = true;
                }
            }
            done.forEach(results);
        }
    }

    private static List<ImportLine<ImportContact>> next(Iterator<ImportLine<ImportContact>> lines) {
        List<ImportLine<ImportContact>> chunk = new ArrayList<>(CHUNK);
        while (chunk.size() < CHUNK && lines.hasNext()) {
            chunk.add(lines.next());
        }
        return chunk;
    }

    /**
     * The lines of one chunk in the caller's transaction; those in {@code failed} are refused as recorded there.
     * What the chunk needs is looked up once (partners by id and domain, the contacts by email, locked, and their
     * affiliations), the lines are applied in order to those entities (a later line sees what an earlier one
     * created), and the chunk is written in one flush (batched inserts) with its events in one outbox batch.
     */
    private List<ImportResult> apply(List<ImportLine<ImportContact>> chunk, Map<Integer, ImportResult> failed,
            boolean flushEachLine) {
        Set<String> domains = new HashSet<>();
        Set<UUID> partnerIds = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < chunk.size(); i++) {
            ImportLine<ImportContact> line = chunk.get(i);
            if (line.refusal() != null || failed.containsKey(i)) {
                continue;
            }
            ImportContact command = line.command();
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

        List<ImportResult> done = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            ImportLine<ImportContact> line = chunk.get(i);
            ImportResult refused = failed.get(i);
            if (refused != null) {
                done.add(refused);
                continue;
            }
            try {
                done.add(apply(line, known));
                if (flushEachLine) {
                    em.flush();
                }
            } catch (RuntimeException e) {
                throw new LineFailed(i, line, reasonOf(e));
            }
        }
        try {
            contacts.finishImported(known.writes);
            affiliations.finishImported(known.writes);
        } catch (RuntimeException e) {
            throw new ChunkFailed(e);
        }
        // Written: the next chunk looks up what it needs, so the session keeps nothing (memory stays flat).
        em.clear();
        return done;
    }

    private ImportResult apply(ImportLine<ImportContact> line, Chunk known) {
        if (line.refusal() != null) {
            return ImportResult.refused(line, line.refusal());
        }
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

    private static String reasonOf(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain.detail();
            }
        }
        LOG.warnf("An import line could not be saved: %s", e.getClass().getName());
        return "could not be saved";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** What one chunk looked up and what it wrote so far. */
    private static final class Chunk {
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

    /** Ends a dry run's transaction by rolling it back. */
    private static final class DryRunDone extends RuntimeException {
        DryRunDone() {
            super("dry run", null, false, false);
        }
    }

    /** A chunk whose batched write failed: it is done again line by line to find the line at fault. */
    private static final class ChunkFailed extends RuntimeException {
        ChunkFailed(RuntimeException cause) {
            super("chunk failed", cause, false, false);
        }
    }

    /** A line a service refused inside a chunk: the chunk is rolled back and done again without it. */
    private static final class LineFailed extends RuntimeException {
        final int index;
        final transient ImportLine<ImportContact> line;
        final String reason;

        LineFailed(int index, ImportLine<ImportContact> line, String reason) {
            super(reason, null, false, false);
            this.index = index;
            this.line = line;
            this.reason = reason;
        }
    }
}
