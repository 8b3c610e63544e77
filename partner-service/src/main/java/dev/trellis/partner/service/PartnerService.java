package dev.trellis.partner.service;

import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.messaging.PartnerEvents;
import dev.trellis.partner.rest.dto.LifecycleChangeRequest;
import dev.trellis.partner.rest.dto.PartnerRequest;
import dev.trellis.partner.rest.dto.SelfServicePatch;
import dev.trellis.platform.http.Cursor;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.MergePatch;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/** Partner organisations: the transactions around them and the events they publish. */
@ApplicationScoped
public class PartnerService {
    private final PartnerEvents events;

    public PartnerService(PartnerEvents events) {
        this.events = events;
    }

    /** One page in (lower(name), id) order; fetches one extra row to tell whether there is a next page. */
    @Transactional
    public List<Partner> list(PartnerFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.onlyPartner() != null) {
            where.add("p.id = :only");
            params.and("only", filter.onlyPartner());
        }
        boolean fewMatches = false;
        if (filter.q() != null && !filter.q().isBlank()) {
            String pattern = "%" + likeEscape(filter.q().strip().toLowerCase(Locale.ROOT)) + "%";
            where.add("p.searchText like :q escape '\\'");
            params.and("q", pattern);
            fewMatches = filter.q().strip().length() >= 3 && fewSearchMatches(pattern);
        }
        if (filter.status() != null) {
            where.add("p.lifecycleStatus = :status");
            params.and("status", filter.status());
        }
        if (filter.country() != null) {
            where.add("p.country = :country");
            params.and("country", filter.country());
        }
        if (filter.tier() != null) {
            // The tier in effect today: a pending tier change counts from its effective date.
            where.add("""
                    exists (select 1 from Membership m where m.partnerId = p.id
                      and (case when m.pendingTierEffective <= :today then m.pendingTier else m.tier end) = :tier)""");
            params.and("tier", filter.tier()).and("today", LocalDate.now());
        }
        Cursor after = page.decodedCursor(2);
        if (after != null) {
            // A row comparison, so PostgreSQL walks the (lower(name), id) index from the cursor on.
            where.add("(lower(p.name), p.id) > (:afterName, :afterId)");
            params.and("afterName", after.key(0)).and("afterId", after.uuid(1));
        }
        // Few matches: sort by an expression the name index cannot provide, so PostgreSQL collects them through
        // the trigram index and top-N sorts them. Walking the name index and filtering (its choice otherwise) reads
        // most of the table when the matches sit late in name order (docs/benchmarks.md, partner list).
        String order = fewMatches ? " order by lower(p.name) || '', p.id" : " order by lower(p.name), p.id";
        String query = "from Partner p" + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + order;
        return Partner.find(query, params).page(0, page.fetchSize()).list();
    }

    private static final int FEW_SEARCH_MATCHES = 2000;

    private static final java.util.regex.Pattern PLAN_ROWS = java.util.regex.Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    /**
     * Whether fewer than {@value #FEW_SEARCH_MATCHES} partners are expected to match, by the planner's own
     * estimate from the trigram statistics (EXPLAIN plans, it does not run the query: well under a
     * millisecond, where counting the matches cost 15 ms when every partner matched).
     */
    private static boolean fewSearchMatches(String likePattern) {
        Object plan = Partner.getEntityManager().createNativeQuery(
                        "explain (format json) select 1 from partner where search_text like :q escape '\\'")
                .setParameter("q", likePattern).getSingleResult();
        java.util.regex.Matcher rows = PLAN_ROWS.matcher(String.valueOf(plan));
        return rows.find() && Long.parseLong(rows.group(1)) < FEW_SEARCH_MATCHES;
    }

    public static Cursor cursorOf(Partner partner) {
        return Cursor.of(partner.name.toLowerCase(Locale.ROOT), partner.id);
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
        return Partner.<Partner>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Partner", id));
    }

    @Transactional
    public Partner register(PartnerRequest request) {
        return register(UUID.randomUUID(), request);
    }

    /** Registers a partner with a known id, unless it exists; used by the demo data. */
    @Transactional
    public Optional<Partner> registerIfAbsent(UUID id, PartnerRequest request) {
        return Partner.findById(id) != null ? Optional.empty() : Optional.of(register(id, request));
    }

    /** Shorthand of {@link #registerIfAbsent(UUID, PartnerRequest)} with just a name, website, country and status. */
    @Transactional
    public Optional<Partner> registerIfAbsent(UUID id, String name, String website, String country,
            LifecycleStatus status) {
        return registerIfAbsent(id, new PartnerRequest(name, null, website, null, null, null, country, null, status));
    }

    private Partner register(UUID id, PartnerRequest request) {
        LifecycleStatus status = request.lifecycleStatus() == null ? LifecycleStatus.PROSPECT : request.lifecycleStatus();
        if (status != LifecycleStatus.PROSPECT && status != LifecycleStatus.ACTIVE) {
            throw ProblemException.badRequest("lifecycleStatus", "a new partner is PROSPECT or ACTIVE");
        }
        Partner partner = new Partner();
        partner.id = id;
        partner.name = request.name().strip();
        partner.legalName = request.legalName();
        partner.website = request.website();
        partner.description = request.description();
        partner.logoUrl = request.logoUrl();
        partner.country = request.country();
        partner.lifecycleStatus = status;
        setParent(partner, request.parentPartnerId());
        setDomains(partner, request.emailDomains());
        partner.reindex();
        partner.persist();
        events.registered(partner);
        return partner;
    }

    /** Staff edit of the profile (not the lifecycle status): a merge patch under If-Match. */
    @Transactional
    public Partner update(UUID id, String ifMatch, MergePatch<PartnerRequest> patch) {
        Partner partner = get(id);
        EntityTags.requireMatch(ifMatch, partner.version);
        PartnerRequest p = patch.value();
        if (patch.has("lifecycleStatus")) {
            throw ProblemException.badRequest("lifecycleStatus", "is changed through /lifecycle-changes, not by a patch");
        }
        if (patch.has("name")) {
            if (p.name() == null) {
                throw ProblemException.badRequest("name", "must not be blank");
            }
            partner.name = p.name().strip();
        }
        if (patch.has("legalName")) {
            partner.legalName = p.legalName();
        }
        if (patch.has("website")) {
            partner.website = p.website();
        }
        if (patch.has("description")) {
            partner.description = p.description();
        }
        if (patch.has("logoUrl")) {
            partner.logoUrl = p.logoUrl();
        }
        if (patch.has("country")) {
            partner.country = p.country();
        }
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
    public Partner updateOwn(UUID id, String ifMatch, MergePatch<SelfServicePatch> patch) {
        Partner partner = get(id);
        EntityTags.requireMatch(ifMatch, partner.version);
        SelfServicePatch p = patch.value();
        if (patch.has("description")) {
            partner.description = p.description();
        }
        if (patch.has("website")) {
            partner.website = p.website();
        }
        if (patch.has("logoUrl")) {
            partner.logoUrl = p.logoUrl();
        }
        return changed(partner);
    }

    /**
     * Moves a partner to another lifecycle status. Lapsing and reactivating publish their own events;
     * any other move (prospect to active, to former) publishes partner-changed.
     */
    @Transactional
    public Partner changeLifecycle(UUID id, String ifMatch, LifecycleChangeRequest request) {
        Partner partner = get(id);
        EntityTags.requireMatch(ifMatch, partner.version);
        LifecycleStatus previous = partner.lifecycleStatus;
        LifecycleStatus next = request.status();
        if (previous == next) {
            throw ProblemException.conflict("no-lifecycle-change", "Nothing to change",
                    "The partner is " + previous + " already");
        }
        if (next == LifecycleStatus.PROSPECT) {
            throw ProblemException.badRequest("status", "a partner cannot go back to PROSPECT");
        }
        LocalDate effective = request.effectiveDate() == null ? LocalDate.now() : request.effectiveDate();
        partner.lifecycleStatus = next;
        Partner.getEntityManager().flush();
        if (next == LifecycleStatus.LAPSED) {
            events.lapsed(partner, previous, effective, request.reason());
        } else if (next == LifecycleStatus.ACTIVE && previous != LifecycleStatus.PROSPECT) {
            events.reactivated(partner, previous, effective, request.reason());
        } else {
            events.changed(partner);
        }
        return partner;
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
            throw ProblemException.badRequest("parentPartnerId", "a partner cannot be its own parent");
        }
        Partner parent = Partner.findById(parentId);
        if (parent == null) {
            throw ProblemException.badRequest("parentPartnerId", "names no partner");
        }
        for (Partner up = parent; up.parentPartnerId != null; up = Partner.findById(up.parentPartnerId)) {
            if (up.parentPartnerId.equals(partner.id)) {
                throw ProblemException.badRequest("parentPartnerId", "would make the company group a circle");
            }
        }
        partner.parentPartnerId = parentId;
    }

    private static void setDomains(Partner partner, Collection<String> domains) {
        TreeSet<String> wanted = new TreeSet<>();
        if (domains != null) {
            domains.forEach(d -> wanted.add(d.toLowerCase(Locale.ROOT)));
        }
        if (!wanted.isEmpty()) {
            List<?> taken = Partner.getEntityManager().createNativeQuery(
                            "select domain from partner_domain where domain in (:domains) and partner_id <> :id")
                    .setParameter("domains", wanted).setParameter("id", partner.id).getResultList();
            if (!taken.isEmpty()) {
                throw ProblemException.conflict("domain-taken", "Email domain belongs to another partner",
                        "These email domains belong to another partner already: " + taken);
            }
        }
        partner.emailDomains.clear();
        partner.emailDomains.addAll(wanted);
    }

    private static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
