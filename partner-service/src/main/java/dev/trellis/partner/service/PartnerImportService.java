package dev.trellis.partner.service;

import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.service.ImportResult.Outcome;
import dev.trellis.partner.service.command.ImportPartner;
import dev.trellis.partner.service.command.RegisterPartner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * CSV import of partners with their email domains and company group (docs/import.md). Each line is an upsert by
 * external id, else by primary email domain, through {@link PartnerService}'s own write paths, so
 * partner-registered and partner-changed are written as for any edit; a line that finds nothing to change writes
 * nothing. A chunk's partners are looked up (and locked) in two queries, and written in one flush with its
 * events in one outbox batch. Chunks, transactions and the dry run are the {@link ImportRunner}'s. Everything the service would refuse
 * (a domain of another partner, a missing parent, a circle) is checked here first, so that a refusal is a line of
 * the report in a dry run as in a real run.
 */
@ApplicationScoped
public class PartnerImportService implements ImportRunner.Steps<ImportPartner, PartnerImportService.Chunk> {
    private final ImportRunner runner;
    private final PartnerService partners;

    public PartnerImportService(ImportRunner runner, PartnerService partners) {
        this.runner = runner;
        this.partners = partners;
    }

    /** As {@link ContactImportService#run}. */
    public void run(Iterator<ImportLine<ImportPartner>> lines, boolean dryRun, Consumer<ImportResult> results) {
        runner.run(lines, dryRun, this, results);
    }

    @Override
    public Chunk lookUp(List<ImportPartner> commands) {
        Set<String> externalIds = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (ImportPartner command : commands) {
            if (command.externalId() != null) {
                externalIds.add(command.externalId());
            }
            domains.addAll(command.emailDomains());
            if (command.companyGroup() != null) {
                externalIds.add(command.companyGroup());
                domains.add(command.companyGroup().toLowerCase(Locale.ROOT));
            }
        }
        Chunk known = new Chunk();
        partners.lockForImport(externalIds, domains).forEach(known::add);
        return known;
    }

    @Override
    public ImportResult apply(ImportLine<ImportPartner> line, Chunk known) {
        ImportPartner command = line.command();
        Partner partner = command.externalId() == null ? null : known.byExternalId.get(command.externalId());
        String primary = command.emailDomains().isEmpty() ? null : command.emailDomains().get(0);
        if (partner == null && primary != null) {
            Partner owner = known.byDomain.get(primary);
            if (owner != null && command.externalId() != null && owner.externalId != null) {
                return ImportResult.refused(line, "externalId: the partner owning " + primary
                        + " has another external id (" + owner.externalId + ")");
            }
            partner = owner;
        }
        List<String> errors = new ArrayList<>();
        for (String domain : command.emailDomains()) {
            Partner owner = known.byDomain.get(domain);
            if (owner != null && owner != partner) {
                errors.add("emailDomains: " + domain + " belongs to another partner");
            }
        }
        UUID parentId = null;
        if (command.companyGroup() != null) {
            Partner parent = known.byExternalId.get(command.companyGroup());
            if (parent == null) {
                parent = known.byDomain.get(command.companyGroup().toLowerCase(Locale.ROOT));
            }
            if (parent == null) {
                errors.add("companyGroup: no partner has the external id or email domain " + command.companyGroup());
            } else if (parent == partner) {
                errors.add("companyGroup: a partner cannot be its own parent");
            } else if (partner != null && circles(partner.id, parent)) {
                errors.add("companyGroup: would make the company group a circle");
            } else {
                parentId = parent.id;
            }
        }
        if (partner == null && command.name() == null) {
            errors.add("name: needed for a new partner");
        }
        if (!errors.isEmpty()) {
            return ImportResult.refused(line, String.join("; ", errors));
        }
        RegisterPartner values = new RegisterPartner(command.name(), command.legalName(), command.website(),
                command.emailDomains().isEmpty() ? null : command.emailDomains(), null, null, command.country(),
                parentId, command.status());
        if (partner == null) {
            Partner created = partners.createImported(command.externalId(), values, known.events);
            known.add(created);
            String reason = "partner";
            if (!created.emailDomains.isEmpty()) {
                reason += "; domains " + String.join(", ", command.emailDomains());
            }
            if (parentId != null) {
                reason += "; company group " + command.companyGroup();
            }
            return new ImportResult(line.line(), line.key(), Outcome.CREATED, reason);
        }
        PartnerService.ImportedChanges changes = partners.applyImported(partner, command.externalId(), values, known.events);
        known.add(partner);
        List<String> said = new ArrayList<>();
        if (changes.any()) {
            said.add("changed " + String.join(", ", changes.changed()));
        }
        if (!changes.keptManual().isEmpty()) {
            said.add("kept as a person set them: " + String.join(", ", changes.keptManual()));
        }
        return new ImportResult(line.line(), line.key(), changes.any() ? Outcome.UPDATED : Outcome.UNCHANGED,
                String.join("; ", said));
    }

    @Override
    public void finish(Chunk known) {
        partners.finishImported(known.events);
    }

    /** Whether making {@code parent} the parent of {@code partnerId} closes a circle (up the parent chain). */
    private static boolean circles(UUID partnerId, Partner parent) {
        Set<UUID> seen = new HashSet<>();
        for (Partner up = parent; up != null && up.parentPartnerId != null && seen.add(up.id);
                up = Partner.findById(up.parentPartnerId)) {
            if (up.parentPartnerId.equals(partnerId)) {
                return true;
            }
        }
        return false;
    }

    /** The chunk's partners (locked) and those it created, by external id and by email domain. */
    static final class Chunk {
        final Map<String, Partner> byExternalId = new HashMap<>();
        final Map<String, Partner> byDomain = new HashMap<>();
        /** The chunk's events, in line order, published together by {@link #finish}. */
        final List<Record> events = new ArrayList<>();

        void add(Partner partner) {
            if (partner.externalId != null) {
                byExternalId.put(partner.externalId, partner);
            }
            partner.emailDomains.forEach(d -> byDomain.put(d, partner));
        }
    }
}
