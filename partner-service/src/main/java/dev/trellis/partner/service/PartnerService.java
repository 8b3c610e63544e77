package dev.trellis.partner.service;

import dev.trellis.partner.config.PartnerConfig;
import dev.trellis.partner.domain.AffiliationSource;
import dev.trellis.partner.domain.LifecycleRules;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.domain.MembershipRules;
import dev.trellis.partner.domain.MembershipStatus;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.messaging.out.PartnerEvents;
import dev.trellis.partner.persistence.PartnerQueries;
import dev.trellis.partner.service.command.ChangeLifecycle;
import dev.trellis.partner.service.command.PartnerChanges;
import dev.trellis.partner.service.command.RegisterPartner;
import dev.trellis.partner.service.command.SelfServiceChanges;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.domain.Versions;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.patch.MergePatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Partner organisations: the transactions around them and the events they publish. */
@ApplicationScoped
public class PartnerService {
    private final PartnerEvents events;
    private final PartnerQueries queries;
    private final MembershipRules rules;
    private final Clock clock;

    public PartnerService(PartnerEvents events, PartnerQueries queries, PartnerConfig config, Clock clock) {
        this.events = events;
        this.queries = queries;
        this.rules = new MembershipRules(config.newMemberMonths());
        this.clock = clock;
    }

    /** One page in (lower(name), id) order. */
    @Transactional
    public Page<Partner> list(PartnerFilter filter, PageRequest page) {
        LocalDate today = LocalDate.now(clock);
        Set<UUID> group = null;
        if (filter.companyGroup() != null) {
            group = queries.companyGroup(filter.companyGroup()).stream().map(PartnerQueries.GroupMember::id)
                    .collect(Collectors.toSet());
            if (group.isEmpty()) {
                throw InvalidInput.field("companyGroup", "names no partner");
            }
        }
        List<Partner> fetched = queries.page(new PartnerQueries.Criteria(filter.q(), filter.status(), filter.country(),
                filter.tier(), filter.onlyPartner(), group, filter.membershipStatuses(), filter.withoutMembership(),
                today, rules.firstNewStart(today)), page);
        return Page.of(fetched, page, PartnerQueries::cursorOf, p -> p);
    }

    /**
     * The partner's related-company group (the top of its parent chain and every partner under it), itself
     * included, by name; empty when it has neither a parent nor subsidiaries.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<GroupMember> companyGroup(UUID partnerId) {
        List<PartnerQueries.GroupMember> group = queries.companyGroup(partnerId);
        return group.size() < 2 ? List.of() : group.stream().map(m -> new GroupMember(m.id(), m.name())).toList();
    }

    /** One member of a related-company group, as a partner's view lists it. */
    public record GroupMember(UUID id, String name) {
    }

    /** The names of these partners, by id, for responses that name a partner by id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, String> names(Collection<UUID> ids) {
        return queries.names(ids);
    }

    /**
     * A plain read joins the caller's transaction but never opens one: one SQL round trip instead of
     * two (the driver sends BEGIN with the select, but COMMIT is a round trip of its own). This is
     * the busiest read, every partner's portal and every profile page; in the gateway benchmark
     * dropping the COMMIT cut PostgreSQL's CPU per request from about 215 to about 120 µs. Outside a
     * transaction Quarkus serves it from the request's read-only session.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Partner get(UUID id) {
        return Partner.<Partner>findByIdOptional(id).orElseThrow(() -> NotFound.of("Partner", id));
    }

    /** The partner an email domain belongs to (domains are stored lower-case and belong to one partner), if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> idByEmailDomain(String domain) {
        return Partner.getEntityManager().createQuery(
                        "select p.id from Partner p join p.emailDomains d where d = :domain", UUID.class)
                .setParameter("domain", domain.strip().toLowerCase(java.util.Locale.ROOT))
                .getResultStream().findFirst();
    }

    /** The partners owning these email domains (lower-case), by domain: one query for an import's chunk. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, UUID> idsByEmailDomains(Collection<String> domains) {
        Map<String, UUID> found = new HashMap<>();
        if (!domains.isEmpty()) {
            Partner.getEntityManager().createQuery(
                            "select d, p.id from Partner p join p.emailDomains d where d in :domains order by p.id",
                            Object[].class)
                    .setParameter("domains", domains).getResultList()
                    .forEach(row -> found.putIfAbsent((String) row[0], (UUID) row[1]));
        }
        return found;
    }

    /** Which of these ids name a partner: one query for an import's chunk. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<UUID> existing(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(Partner.getEntityManager()
                .createQuery("select p.id from Partner p where p.id in :ids", UUID.class)
                .setParameter("ids", ids).getResultList());
    }

    /** Whether a partner has this id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(UUID id) {
        return Partner.count("id", id) > 0;
    }

    @Transactional
    public Partner register(RegisterPartner command) {
        return register(UUID.randomUUID(), command);
    }

    /** Registers a partner with a known id, unless it exists; used by the demo data. */
    @Transactional
    public Optional<Partner> registerIfAbsent(UUID id, RegisterPartner command) {
        return Partner.findById(id) != null ? Optional.empty() : Optional.of(register(id, command));
    }

    /** Shorthand of {@link #registerIfAbsent(UUID, RegisterPartner)} with just a name, website, country and status. */
    @Transactional
    public Optional<Partner> registerIfAbsent(UUID id, String name, String website, String country,
            LifecycleStatus status) {
        return registerIfAbsent(id, RegisterPartner.of(name, website, country, status));
    }

    private Partner register(UUID id, RegisterPartner command) {
        Partner partner = build(id, command, AffiliationSource.MANUAL);
        partner.persist();
        events.registered(partner);
        return partner;
    }

    /** A new partner, its fields' sources {@code by}; not yet persisted. */
    private Partner build(UUID id, RegisterPartner command, AffiliationSource by) {
        return build(id, command, by, true);
    }

    /** As above; {@code checkDomains} false when the caller checked them (an import looked its chunk's up). */
    private Partner build(UUID id, RegisterPartner command, AffiliationSource by, boolean checkDomains) {
        LifecycleStatus status = command.lifecycleStatus() == null ? LifecycleStatus.PROSPECT : command.lifecycleStatus();
        if (status != LifecycleStatus.PROSPECT && status != LifecycleStatus.ACTIVE) {
            throw InvalidInput.field("lifecycleStatus", "a new partner is PROSPECT or ACTIVE");
        }
        Partner partner = new Partner();
        partner.id = id;
        partner.name = required(command.name(), "name");
        partner.legalName = command.legalName();
        partner.website = command.website();
        partner.description = command.description();
        partner.logoUrl = command.logoUrl();
        partner.country = command.country();
        partner.moveTo(status, LocalDate.now(clock));
        setParent(partner, command.parentPartnerId());
        if (checkDomains) {
            setDomains(partner, command.emailDomains());
        } else if (command.emailDomains() != null) {
            command.emailDomains().forEach(d -> partner.emailDomains.add(d.toLowerCase(Locale.ROOT)));
        }
        partner.reindex();
        partner.nameSource = by;
        partner.legalNameSource = partner.legalName == null ? null : by;
        partner.websiteSource = partner.website == null ? null : by;
        partner.countrySource = partner.country == null ? null : by;
        partner.parentSource = partner.parentPartnerId == null ? null : by;
        return partner;
    }

    /** Staff edit of the profile (not the lifecycle status): a merge patch under If-Match. */
    @Transactional
    public Partner update(UUID id, String ifMatch, MergePatch<PartnerChanges> patch) {
        Partner partner = get(id);
        Versions.requireMatch(ifMatch, partner.version);
        PartnerChanges p = patch.value();
        if (patch.has("lifecycleStatus")) {
            throw InvalidInput.field("lifecycleStatus", "is changed through /lifecycle-changes, not by a patch");
        }
        if (patch.has("name")) {
            partner.name = required(p.name(), "name");
            partner.nameSource = AffiliationSource.MANUAL;
        }
        if (patch.has("legalName")) {
            partner.legalName = p.legalName();
            partner.legalNameSource = AffiliationSource.MANUAL;
        }
        if (patch.has("website")) {
            partner.website = p.website();
            partner.websiteSource = AffiliationSource.MANUAL;
        }
        partner.description = patch.apply("description", partner.description, PartnerChanges::description);
        partner.logoUrl = patch.apply("logoUrl", partner.logoUrl, PartnerChanges::logoUrl);
        if (patch.has("country")) {
            partner.country = p.country();
            partner.countrySource = AffiliationSource.MANUAL;
        }
        if (patch.has("parentPartnerId")) {
            setParent(partner, p.parentPartnerId());
            partner.parentSource = AffiliationSource.MANUAL;
        }
        if (patch.has("emailDomains")) {
            setDomains(partner, p.emailDomains());
        }
        return changed(partner);
    }

    /** A partner user's edit of its own organisation: only the self-service fields. */
    @Transactional
    public Partner updateOwn(UUID id, String ifMatch, MergePatch<SelfServiceChanges> patch) {
        Partner partner = get(id);
        Versions.requireMatch(ifMatch, partner.version);
        partner.description = patch.apply("description", partner.description, SelfServiceChanges::description);
        if (patch.has("website")) {
            partner.website = patch.value().website();
            partner.websiteSource = AffiliationSource.MANUAL;
        }
        partner.logoUrl = patch.apply("logoUrl", partner.logoUrl, SelfServiceChanges::logoUrl);
        return changed(partner);
    }

    /**
     * The partners with these external ids or owning these email domains (lower-case), locked for an import's
     * chunk: one query each.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Partner> lockForImport(Collection<String> externalIds, Collection<String> domains) {
        Map<UUID, Partner> found = new HashMap<>();
        var em = Partner.getEntityManager();
        if (!externalIds.isEmpty()) {
            em.createQuery("select p from Partner p where p.externalId in :ids", Partner.class)
                    .setParameter("ids", externalIds).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .getResultList().forEach(p -> found.put(p.id, p));
        }
        if (!domains.isEmpty()) {
            em.createQuery("select p from Partner p where p.id in (select q.id from Partner q join q.emailDomains d "
                            + "where d in :domains)", Partner.class)
                    .setParameter("domains", domains).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .getResultList().forEach(p -> found.put(p.id, p));
        }
        return List.copyOf(found.values());
    }

    /**
     * A partner from an import line, its fields' source IMPORT; its partner-registered goes to {@code written}
     * for {@link #finishImported}. The caller checked what the service would refuse (a domain it looked up as
     * nobody's, a missing name, the parent); the primary keys of partner_domain and the unique external id guard
     * against a concurrent writer.
     */
    Partner createImported(String externalId, RegisterPartner command, List<Record> written) {
        Partner partner = build(UUID.randomUUID(), command, AffiliationSource.IMPORT, false);
        partner.externalId = externalId;
        partner.persist();
        written.add(events.registeredEvent(partner));
        return partner;
    }

    /** Writes an import chunk's partners, then its events in one batch. */
    void finishImported(List<Record> written) {
        Partner.getEntityManager().flush();
        events.publishAll(written);
    }

    /** What an import line changed on a partner, and which of its fields it left as a person set them. */
    public record ImportedChanges(List<String> changed, List<String> keptManual) {
        boolean any() {
            return !changed.isEmpty();
        }
    }

    /**
     * Writes an import line's values into a partner: blank values are "not given", a field a person set is kept,
     * email domains are only added (never removed), the external id only set when the partner had none.
     * Takes its partner-changed into {@code written} when anything changed. The caller checked the domains and the
     * parent.
     */
    ImportedChanges applyImported(Partner partner, String externalId, RegisterPartner values, List<Record> written) {
        List<String> changed = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        if (externalId != null && partner.externalId == null) {
            partner.externalId = externalId;
            changed.add("externalId");
        }
        if (imports(values.name(), partner.name, partner.nameSource, "name", changed, kept)) {
            partner.name = values.name();
            partner.nameSource = AffiliationSource.IMPORT;
        }
        if (imports(values.legalName(), partner.legalName, partner.legalNameSource, "legalName", changed, kept)) {
            partner.legalName = values.legalName();
            partner.legalNameSource = AffiliationSource.IMPORT;
        }
        if (imports(values.website(), partner.website, partner.websiteSource, "website", changed, kept)) {
            partner.website = values.website();
            partner.websiteSource = AffiliationSource.IMPORT;
        }
        if (imports(values.country(), partner.country, partner.countrySource, "country", changed, kept)) {
            partner.country = values.country();
            partner.countrySource = AffiliationSource.IMPORT;
        }
        if (values.parentPartnerId() != null && imports(values.parentPartnerId().toString(),
                partner.parentPartnerId == null ? null : partner.parentPartnerId.toString(), partner.parentSource,
                "companyGroup", changed, kept)) {
            partner.parentPartnerId = values.parentPartnerId();
            partner.parentSource = AffiliationSource.IMPORT;
        }
        if (values.emailDomains() != null) {
            List<String> added = values.emailDomains().stream().filter(d -> !partner.emailDomains.contains(d)).toList();
            if (!added.isEmpty()) {
                partner.emailDomains.addAll(added);
                changed.add("emailDomains");
            }
        }
        if (!changed.isEmpty()) {
            partner.reindex();
            written.add(events.changedEvent(partner));
        }
        return new ImportedChanges(changed, kept);
    }

    private static boolean imports(String value, String current, AffiliationSource source, String field,
            List<String> changed, List<String> kept) {
        if (value == null || value.equals(current)) {
            return false;
        }
        if (source != null && !source.yieldsTo(AffiliationSource.IMPORT)) {
            kept.add(field);
            return false;
        }
        changed.add(field);
        return true;
    }

    /**
     * Moves a partner to another lifecycle status. Lapsing and reactivating publish their own events;
     * any other move (prospect to active, to former) publishes partner-changed.
     */
    @Transactional
    public Partner changeLifecycle(UUID id, String ifMatch, ChangeLifecycle command) {
        Partner partner = get(id);
        Versions.requireMatch(ifMatch, partner.version);
        LifecycleStatus previous = partner.lifecycleStatus;
        LifecycleStatus next = command.status();
        if (previous == next) {
            throw StateConflict.of("no-lifecycle-change", "Nothing to change", "The partner is " + previous + " already");
        }
        if (next == LifecycleStatus.PROSPECT) {
            throw InvalidInput.field("status", "a partner cannot go back to PROSPECT");
        }
        LocalDate effective = command.effectiveDate() == null ? LocalDate.now(clock) : command.effectiveDate();
        move(partner, next, effective, command.reason());
        return partner;
    }

    /**
     * Lifecycle follows membership ({@link LifecycleRules}): called by the membership service, in its
     * transaction with the partner row locked, whenever a membership's status changed from {@code before}
     * (null: it had none) to {@code after}. Publishes partner-lapsed, partner-reactivated or (a prospect
     * becoming active) partner-changed, as a manual change would.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LifecycleStatus> followMembership(UUID partnerId, MembershipStatus before, MembershipStatus after,
            LocalDate effective, String reason) {
        Partner partner = get(partnerId);
        Optional<LifecycleStatus> next = LifecycleRules.follow(partner.lifecycleStatus, before, after);
        next.ifPresent(status -> move(partner, status, effective, reason));
        return next;
    }

    private void move(Partner partner, LifecycleStatus next, LocalDate effective, String reason) {
        LifecycleStatus previous = partner.lifecycleStatus;
        partner.moveTo(next, effective);
        Partner.getEntityManager().flush();
        if (next == LifecycleStatus.LAPSED) {
            events.lapsed(partner, previous, effective, reason);
        } else if (next == LifecycleStatus.ACTIVE && previous != LifecycleStatus.PROSPECT) {
            events.reactivated(partner, previous, effective, reason);
        } else {
            events.changed(partner);
        }
    }

    private Partner changed(Partner partner) {
        partner.reindex();
        Partner.getEntityManager().flush(); // the new version goes into the response's ETag
        events.changed(partner);
        return partner;
    }

    private static void setParent(Partner partner, UUID parentId) {
        if (parentId == null) {
            partner.parentPartnerId = null;
            return;
        }
        if (parentId.equals(partner.id)) {
            throw InvalidInput.field("parentPartnerId", "a partner cannot be its own parent");
        }
        Partner parent = Partner.findById(parentId);
        if (parent == null) {
            throw InvalidInput.field("parentPartnerId", "names no partner");
        }
        for (Partner up = parent; up.parentPartnerId != null; up = Partner.findById(up.parentPartnerId)) {
            if (up.parentPartnerId.equals(partner.id)) {
                throw InvalidInput.field("parentPartnerId", "would make the company group a circle");
            }
        }
        partner.parentPartnerId = parentId;
    }

    private void setDomains(Partner partner, Collection<String> domains) {
        TreeSet<String> wanted = new TreeSet<>();
        if (domains != null) {
            domains.forEach(d -> wanted.add(d.toLowerCase(Locale.ROOT)));
        }
        List<?> taken = queries.domainsOfOthers(wanted, partner.id);
        if (!taken.isEmpty()) {
            throw StateConflict.of("domain-taken", "Email domain belongs to another partner",
                    "These email domains belong to another partner already: " + taken);
        }
        partner.emailDomains.clear();
        partner.emailDomains.addAll(wanted);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.field(field, "must not be blank");
        }
        return value.strip();
    }
}
