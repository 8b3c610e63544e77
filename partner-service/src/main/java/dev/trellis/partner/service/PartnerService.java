package dev.trellis.partner.service;

import dev.trellis.partner.config.PartnerConfig;
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
        setDomains(partner, command.emailDomains());
        partner.reindex();
        partner.persist();
        events.registered(partner);
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
        }
        partner.legalName = patch.apply("legalName", partner.legalName, PartnerChanges::legalName);
        partner.website = patch.apply("website", partner.website, PartnerChanges::website);
        partner.description = patch.apply("description", partner.description, PartnerChanges::description);
        partner.logoUrl = patch.apply("logoUrl", partner.logoUrl, PartnerChanges::logoUrl);
        partner.country = patch.apply("country", partner.country, PartnerChanges::country);
        if (patch.has("parentPartnerId")) {
            setParent(partner, p.parentPartnerId());
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
        partner.website = patch.apply("website", partner.website, SelfServiceChanges::website);
        partner.logoUrl = patch.apply("logoUrl", partner.logoUrl, SelfServiceChanges::logoUrl);
        return changed(partner);
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
