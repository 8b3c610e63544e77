package dev.trellis.partner.service;

import dev.trellis.partner.config.MembershipConfig;
import dev.trellis.partner.config.PartnerConfig;
import dev.trellis.partner.domain.Membership;
import dev.trellis.partner.domain.MembershipChange;
import dev.trellis.partner.domain.MembershipChangeKind;
import dev.trellis.partner.domain.MembershipRuleException;
import dev.trellis.partner.domain.MembershipRules;
import dev.trellis.partner.domain.MembershipStatus;
import dev.trellis.partner.domain.MembershipTerms;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.messaging.MembershipEvents;
import dev.trellis.platform.http.Cursor;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Memberships: the transactions around them, their history and the events they publish. Each change
 * writes one history line and one outbox event in the same transaction. Writes lock the partner row,
 * so changes to one partner's membership run one after another.
 */
@ApplicationScoped
public class MembershipService {
    public static final String SYSTEM = "system";
    private static final String STAFF = "foundation-staff";
    private static final String TEAM = "community-team";
    private static final String PARTNER = "partner";

    private final MembershipEvents events;
    private final PartnerConfig partnerConfig;
    private final MembershipConfig config;
    private final MembershipRules rules;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public MembershipService(MembershipEvents events, PartnerConfig partnerConfig, MembershipConfig config,
            SecurityIdentity identity, JsonWebToken token) {
        this.events = events;
        this.identity = identity;
        this.token = token;
        this.partnerConfig = partnerConfig;
        this.config = config;
        this.rules = new MembershipRules(partnerConfig.newMemberMonths());
    }

    public MembershipRules rules() {
        return rules;
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A membership with the version its ETag is made of; callers scope partner users before calling. */
    @Transactional
    @RolesAllowed({STAFF, TEAM, PARTNER})
    public Membership get(UUID partnerId) {
        requireReadable(partnerId);
        requirePartner(partnerId, false);
        return Membership.ofPartner(partnerId)
                .orElseThrow(() -> ProblemException.notFound("Membership of partner", partnerId));
    }

    /** The partner's membership, if it has one; the same access rule as {@link #get}. */
    @Transactional
    @RolesAllowed({STAFF, TEAM, PARTNER})
    public Optional<Membership> find(UUID partnerId) {
        requireReadable(partnerId);
        return Membership.ofPartner(partnerId);
    }

    /** Outcome of a start: the membership and whether it was created rather than replaced. */
    public record Started(Membership membership, boolean created) {
    }

    /** Starts the partner's first membership, or replaces one that has expired. */
    @Transactional
    @RolesAllowed(STAFF)
    public Started start(UUID partnerId, String ifMatch, String tier, LocalDate termStart, LocalDate termEnd,
            boolean autoRenew, Integer graceDays, String by) {
        requirePartner(partnerId, true);
        String validTier = requireTier("tier", tier);
        LocalDate today = today();
        MembershipTerms terms = apply(() -> rules.start(validTier, termStart, termEnd, autoRenew,
                graceDays == null ? partnerConfig.defaultGraceDays() : graceDays));
        Optional<Membership> existing = Membership.ofPartner(partnerId);
        Membership membership;
        if (existing.isPresent()) {
            membership = existing.get();
            EntityTags.requireMatch(ifMatch, membership.version);
            if (!rules.replaceable(membership.terms(), today)) {
                throw ProblemException.conflict("membership-active", "Membership still active",
                        "The partner's membership has not expired (it is " + rules.status(membership.terms(), today)
                                + "); renew it, change its tier or end it instead");
            }
        } else {
            membership = new Membership();
            membership.id = UUID.randomUUID();
            membership.partnerId = partnerId;
        }
        membership.apply(terms);
        membership.lastStatus = rules.status(terms, today);
        if (existing.isEmpty()) {
            membership.persist();
        }
        record(membership, MembershipChangeKind.STARTED, membership.tier, termStart, by, today);
        return new Started(membership, existing.isEmpty());
    }

    /** Renews by whole months: extends the term, or starts a new one after expiry. */
    @Transactional
    @RolesAllowed(STAFF)
    public Membership renew(UUID partnerId, String ifMatch, int months, String by) {
        Membership membership = lockedForChange(partnerId, ifMatch);
        LocalDate today = today();
        MembershipRules.Renewal renewal = apply(() -> rules.renew(membership.terms(), today, months));
        membership.apply(renewal.terms());
        membership.lastStatus = rules.status(renewal.terms(), today);
        record(membership, MembershipChangeKind.RENEWED, rules.tierOn(renewal.terms(), today),
                renewal.newTerm() ? renewal.terms().termStart() : today, by, today);
        return membership;
    }

    /** Schedules a tier change from {@code effective} (today or later). */
    @Transactional
    @RolesAllowed(STAFF)
    public Membership changeTier(UUID partnerId, String ifMatch, String tier, LocalDate effective, String by) {
        String validTier = requireTier("tier", tier);
        Membership membership = lockedForChange(partnerId, ifMatch);
        LocalDate today = today();
        MembershipTerms changed = apply(() -> rules.changeTier(membership.terms(), today, validTier, effective));
        membership.apply(changed);
        membership.lastStatus = rules.status(changed, today);
        record(membership, MembershipChangeKind.TIER_CHANGED, validTier, effective, by, today);
        return membership;
    }

    /** Ends the membership on {@code endDate}: no grace, no automatic renewal. */
    @Transactional
    @RolesAllowed(STAFF)
    public Membership end(UUID partnerId, String ifMatch, LocalDate endDate, String by) {
        Membership membership = lockedForChange(partnerId, ifMatch);
        LocalDate today = today();
        MembershipTerms ended = apply(() -> rules.end(membership.terms(), today, endDate));
        membership.apply(ended);
        membership.lastStatus = rules.status(ended, today);
        record(membership, MembershipChangeKind.ENDED, rules.tierOn(ended, endDate), endDate, by, today);
        return membership;
    }

    /** History, newest first, keyset-paged by (recorded_at, id); fetches one row more than the page. */
    @Transactional
    @RolesAllowed({STAFF, TEAM})
    public List<MembershipChange> history(UUID partnerId, PageRequest page) {
        requirePartner(partnerId, false);
        Cursor after = page.decodedCursor(2);
        if (after == null) {
            return MembershipChange.find("partnerId = ?1 order by recordedAt desc, id desc", partnerId)
                    .page(0, page.fetchSize()).list();
        }
        return MembershipChange.find("partnerId = :partner and (recordedAt < :at or (recordedAt = :at and id < :id)) "
                        + "order by recordedAt desc, id desc",
                        Parameters.with("partner", partnerId).and("at", after.instant(0)).and("id", after.uuid(1)))
                .page(0, page.fetchSize()).list();
    }

    public static Cursor cursorOf(MembershipChange change) {
        return Cursor.of(change.recordedAt, change.id);
    }

    /**
     * The status sweep for one day: settles tier changes that took effect, applies automatic renewals
     * that are due (one RENEWED each), and records STATUS_CHANGED where the derived status differs from
     * the last one recorded. Returns how many changes it recorded. Each membership has its own
     * transaction, so one failing row does not hold back the others.
     */
    public int sweep(LocalDate on) {
        List<UUID> partners = QuarkusTransaction.requiringNew()
                .call(() -> Membership.<Membership>listAll().stream().map(m -> m.partnerId).toList());
        int recorded = 0;
        for (UUID partnerId : partners) {
            recorded += QuarkusTransaction.requiringNew().call(() -> sweepOne(partnerId, on));
        }
        return recorded;
    }

    private int sweepOne(UUID partnerId, LocalDate on) {
        Partner.findById(partnerId, LockModeType.PESSIMISTIC_WRITE);
        Membership membership = Membership.ofPartner(partnerId).orElse(null);
        if (membership == null) {
            return 0;
        }
        int recorded = 0;
        MembershipTerms terms = rules.settle(membership.terms(), on);
        Optional<MembershipTerms> renewed = rules.autoRenewal(terms, on, config.autoRenewMonths());
        if (renewed.isPresent()) {
            terms = renewed.get();
            membership.apply(terms);
            membership.lastStatus = rules.status(terms, on);
            record(membership, MembershipChangeKind.RENEWED, rules.tierOn(terms, on), on, SYSTEM, on);
            recorded++;
        } else {
            membership.apply(terms);
        }
        MembershipStatus status = rules.status(terms, on);
        if (status != membership.lastStatus) {
            membership.lastStatus = status;
            record(membership, MembershipChangeKind.STATUS_CHANGED, rules.tierOn(terms, on), on, SYSTEM, on);
            recorded++;
        }
        return recorded;
    }

    /**
     * Staff read every partner's membership; a partner user only its own organisation's, named by the
     * token's partner_id claim. Checked before the partner is looked up, so a 403 tells nothing about
     * whether another partner exists.
     */
    private void requireReadable(UUID partnerId) {
        if (identity.hasRole(STAFF) || identity.hasRole(TEAM)) {
            return;
        }
        Object claim = token.getClaim("partner_id");
        if (claim == null || !partnerId.toString().equals(String.valueOf(claim))) {
            throw new ProblemException(403, "not-your-partner", "Forbidden",
                    "Partner users may only read their own organisation's membership");
        }
    }

    private Membership lockedForChange(UUID partnerId, String ifMatch) {
        requirePartner(partnerId, true);
        Membership membership = Membership.ofPartner(partnerId)
                .orElseThrow(() -> ProblemException.notFound("Membership of partner", partnerId));
        EntityTags.requireMatch(ifMatch, membership.version);
        return membership;
    }

    private void record(Membership membership, MembershipChangeKind kind, String tier, LocalDate effective,
            String by, LocalDate statusOn) {
        MembershipChange change = new MembershipChange();
        change.id = UUID.randomUUID();
        change.membershipId = membership.id;
        change.partnerId = membership.partnerId;
        change.kind = kind;
        change.tier = tier;
        change.status = rules.status(membership.terms(), statusOn);
        change.termStart = membership.termStart;
        change.termEnd = membership.termEnd;
        change.effectiveDate = effective;
        change.recordedBy = by == null || by.isBlank() ? SYSTEM : by;
        change.recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        change.persist();
        events.changed(membership, change);
    }

    private static void requirePartner(UUID partnerId, boolean lock) {
        Partner partner = lock ? Partner.findById(partnerId, LockModeType.PESSIMISTIC_WRITE) : Partner.findById(partnerId);
        if (partner == null) {
            throw ProblemException.notFound("Partner", partnerId);
        }
    }

    private String requireTier(String field, String tier) {
        if (tier == null || !partnerConfig.tiers().contains(tier)) {
            throw ProblemException.badRequest(field, "must be one of " + partnerConfig.tiers());
        }
        return tier;
    }

    private static <T> T apply(Supplier<T> rule) {
        try {
            return rule.get();
        } catch (MembershipRuleException e) {
            if (e.isConflict()) {
                throw ProblemException.conflict("membership-state", "Not possible in the membership's state",
                        e.getMessage());
            }
            throw ProblemException.badRequest(e.field(), e.getMessage());
        }
    }
}
