package dev.trellis.partner.service;

import dev.trellis.contracts.partner.MembershipTerms;
import dev.trellis.partner.config.MembershipConfig;
import dev.trellis.partner.config.PartnerConfig;
import dev.trellis.partner.domain.LifecycleStatus;
import dev.trellis.partner.domain.Membership;
import dev.trellis.partner.domain.MembershipChange;
import dev.trellis.partner.domain.MembershipChangeKind;
import dev.trellis.partner.domain.MembershipRules;
import dev.trellis.partner.domain.MembershipStatus;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.messaging.out.MembershipEvents;
import dev.trellis.partner.persistence.MembershipQueries;
import dev.trellis.partner.service.command.StartMembership;
import dev.trellis.platform.domain.AccessDenied;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.domain.Versions;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Memberships: the transactions around them, their history and the events they publish. Each change
 * writes one history line and one outbox event in the same transaction. Writes lock the partner row,
 * so changes to one partner's membership run one after another. A change records who made it: the
 * caller's username ({@link Caller#requireUsername()}), {@code system} for the sweep.
 */
@ApplicationScoped
public class MembershipService {
    private final MembershipEvents events;
    private final MembershipQueries queries;
    private final PartnerConfig partnerConfig;
    private final MembershipConfig config;
    private final MembershipRules rules;
    private final PartnerService partners;
    private final StaffDirectory staff;
    private final Clock clock;

    public MembershipService(MembershipEvents events, MembershipQueries queries, PartnerConfig partnerConfig,
            MembershipConfig config, PartnerService partners, StaffDirectory staff, Clock clock) {
        this.events = events;
        this.queries = queries;
        this.partnerConfig = partnerConfig;
        this.config = config;
        this.partners = partners;
        this.staff = staff;
        this.clock = clock;
        this.rules = new MembershipRules(partnerConfig.newMemberMonths());
    }

    public MembershipRules rules() {
        return rules;
    }

    /** Today in the foundation's zone: the day a membership's tier and status are derived for. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The membership's terms as they stand on {@code on}, as every read shows them: a tier change that took
     * effect folded in and an auto-renewing membership rolled into its next term, whether or not the sweep
     * has recorded that yet.
     */
    public MembershipTerms termsOn(Membership membership, LocalDate on) {
        return rules.asOf(membership.terms(), on, config.autoRenewMonths());
    }

    /** A membership with the version its ETag is made of; a partner user reads only its own organisation's. */
    @Transactional
    public Membership get(Caller caller, UUID partnerId) {
        requireReadable(caller, partnerId);
        requirePartner(partnerId, false);
        return Membership.ofPartner(partnerId).orElseThrow(() -> NotFound.of("Membership of partner", partnerId));
    }

    /** The partner's membership, if it has one; the same access rule as {@link #get}. */
    @Transactional
    public Optional<Membership> find(Caller caller, UUID partnerId) {
        requireReadable(caller, partnerId);
        return Membership.ofPartner(partnerId);
    }

    /**
     * How many members each tier has on {@code day}, every configured tier listed (highest first), then any other
     * tier a membership still names: partners that are neither LAPSED nor FORMER whose membership is new, current
     * or in grace that day, counted by their tier that day ({@link MembershipTerms}). advisory-service counts the
     * same way from the terms these memberships publish, so entitlements there match this.
     */
    @Transactional
    public Map<String, Integer> membersPerTier(LocalDate day) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        partnerConfig.tiers().forEach(t -> counts.put(t, 0));
        List<Membership> members = Membership.list("partnerId in (select p.id from Partner p where p.lifecycleStatus not in ?1)",
                List.of(LifecycleStatus.LAPSED, LifecycleStatus.FORMER));
        for (Membership m : members) {
            MembershipTerms terms = m.terms();
            if (terms.memberOn(day)) {
                counts.merge(terms.tierOn(day), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Outcome of a start: the membership and whether it was created rather than replaced. */
    public record Started(Membership membership, boolean created) {
    }

    /** Starts the partner's first membership, or replaces one that has expired. */
    @Transactional
    public Started start(UUID partnerId, String ifMatch, StartMembership command, Caller caller) {
        String by = caller.requireUsername();
        requirePartner(partnerId, true);
        staff.seen(caller);
        String tier = requireTier("tier", command.tier());
        LocalDate today = today();
        MembershipTerms terms = rules.start(tier, command.termStart(), command.termEnd(), command.autoRenew(),
                command.graceDays() == null ? partnerConfig.defaultGraceDays() : command.graceDays());
        Optional<Membership> existing = Membership.ofPartner(partnerId);
        Membership membership;
        if (existing.isPresent()) {
            membership = existing.get();
            Versions.requireMatch(ifMatch, membership.version);
            catchUp(membership, today);
            if (!rules.replaceable(membership.terms(), today)) {
                throw StateConflict.of("membership-active", "Membership still active",
                        "The partner's membership has not expired (it is " + rules.status(membership.terms(), today)
                                + "); renew it, change its tier or end it instead");
            }
        } else {
            membership = new Membership();
            membership.id = UUID.randomUUID();
            membership.partnerId = partnerId;
        }
        MembershipStatus before = existing.isPresent() ? membership.lastStatus : null;
        membership.apply(terms);
        membership.lastStatus = rules.status(terms, today);
        if (existing.isEmpty()) {
            membership.persist();
        }
        record(membership, MembershipChangeKind.STARTED, membership.tier, command.termStart(), by, today);
        followLifecycle(membership, before, today);
        return new Started(membership, existing.isEmpty());
    }

    /** Renews by whole months: extends the term, or starts a new one after expiry. */
    @Transactional
    public Membership renew(UUID partnerId, String ifMatch, int months, Caller caller) {
        String by = caller.requireUsername();
        Membership membership = lockedForChange(partnerId, ifMatch, caller);
        LocalDate today = today();
        MembershipStatus before = membership.lastStatus;
        MembershipRules.Renewal renewal = rules.renew(membership.terms(), today, months);
        membership.apply(renewal.terms());
        membership.lastStatus = rules.status(renewal.terms(), today);
        record(membership, MembershipChangeKind.RENEWED, rules.tierOn(renewal.terms(), today),
                renewal.newTerm() ? renewal.terms().termStart() : today, by, today);
        followLifecycle(membership, before, today);
        return membership;
    }

    /** Schedules a tier change from {@code effective} (today or later). */
    @Transactional
    public Membership changeTier(UUID partnerId, String ifMatch, String tier, LocalDate effective, Caller caller) {
        String by = caller.requireUsername();
        String validTier = requireTier("tier", tier);
        Membership membership = lockedForChange(partnerId, ifMatch, caller);
        LocalDate today = today();
        MembershipTerms changed = rules.changeTier(membership.terms(), today, validTier, effective);
        membership.apply(changed);
        membership.lastStatus = rules.status(changed, today);
        record(membership, MembershipChangeKind.TIER_CHANGED, validTier, effective, by, today);
        return membership;
    }

    /** Ends the membership on {@code endDate}: no grace, no automatic renewal. */
    @Transactional
    public Membership end(UUID partnerId, String ifMatch, LocalDate endDate, Caller caller) {
        String by = caller.requireUsername();
        Membership membership = lockedForChange(partnerId, ifMatch, caller);
        LocalDate today = today();
        MembershipStatus before = membership.lastStatus;
        MembershipTerms ended = rules.end(membership.terms(), today, endDate);
        membership.apply(ended);
        membership.lastStatus = rules.status(ended, today);
        record(membership, MembershipChangeKind.ENDED, rules.tierOn(ended, endDate), endDate, by, today);
        followLifecycle(membership, before, today);
        return membership;
    }

    /** History, newest first, keyset-paged by (recorded_at, id). */
    @Transactional
    public Page<MembershipChange> history(UUID partnerId, PageRequest page) {
        requirePartner(partnerId, false);
        return Page.of(queries.history(partnerId, page), page, MembershipQueries::cursorOf, c -> c);
    }

    /**
     * The status sweep for one day: settles tier changes that took effect, applies automatic renewals
     * that are due (one RENEWED each), records STATUS_CHANGED where the derived status differs from
     * the last one recorded, and moves the partner's lifecycle where that change implies it
     * ({@link dev.trellis.partner.domain.LifecycleRules}). Returns how many membership changes it recorded. Each membership has its own
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
        return catchUp(membership, on);
    }

    /**
     * Brings a membership up to {@code on}, as the sweep would (and does): what the calendar changed since
     * its last recorded status is recorded as {@code system} before any change a caller asks for, so the
     * history and the events stay in order. The partner row must be locked.
     */
    private int catchUp(Membership membership, LocalDate on) {
        String by = Caller.SYSTEM.username();
        MembershipStatus before = membership.lastStatus;
        int recorded = 0;
        MembershipTerms terms = rules.settle(membership.terms(), on);
        Optional<MembershipTerms> renewed = rules.autoRenewal(terms, on, config.autoRenewMonths());
        if (renewed.isPresent()) {
            terms = renewed.get();
            membership.apply(terms);
            membership.lastStatus = rules.status(terms, on);
            record(membership, MembershipChangeKind.RENEWED, rules.tierOn(terms, on), on, by, on);
            recorded++;
        } else {
            membership.apply(terms);
        }
        MembershipStatus status = rules.status(terms, on);
        if (status != membership.lastStatus) {
            membership.lastStatus = status;
            record(membership, MembershipChangeKind.STATUS_CHANGED, rules.tierOn(terms, on), on, by, on);
            recorded++;
        }
        followLifecycle(membership, before, on);
        return recorded;
    }

    /**
     * Lifecycle follows membership: the partner lapses when the membership has become EXPIRED (effective the
     * first day after its grace, or after its last day when it was ended), and is reactivated when a term
     * begins (effective its first day when a pending term was reached, else {@code on}).
     */
    private void followLifecycle(Membership membership, MembershipStatus before, LocalDate on) {
        MembershipStatus after = membership.lastStatus;
        if (after == before) {
            return;
        }
        MembershipTerms terms = membership.terms();
        LocalDate effective;
        String reason;
        if (after == MembershipStatus.EXPIRED) {
            effective = rules.lastGraceDay(terms).plusDays(1);
            reason = terms.graceDays() == 0
                    ? "Membership ended on " + terms.termEnd()
                    : "Membership expired: its grace period ended on " + rules.lastGraceDay(terms);
        } else {
            effective = before == MembershipStatus.PENDING && !terms.termStart().isAfter(on) ? terms.termStart() : on;
            reason = before == MembershipStatus.GRACE ? "Membership renewed"
                    : "Membership term started on " + terms.termStart();
        }
        partners.followMembership(membership.partnerId, before, after, effective, reason);
    }

    /**
     * Staff read every partner's membership; a partner user only its own organisation's, named by the
     * token's partner_id claim. Checked before the partner is looked up, so a 403 tells nothing about
     * whether another partner exists.
     */
    private static void requireReadable(Caller caller, UUID partnerId) {
        if (!caller.isStaff() && !caller.actsFor(partnerId)) {
            throw new AccessDenied("not-your-partner", "Forbidden",
                    "Partner users may only read their own organisation's membership");
        }
    }

    /** The partner's membership, locked, checked against If-Match and brought up to today. */
    private Membership lockedForChange(UUID partnerId, String ifMatch, Caller caller) {
        requirePartner(partnerId, true);
        Membership membership = Membership.ofPartner(partnerId)
                .orElseThrow(() -> NotFound.of("Membership of partner", partnerId));
        Versions.requireMatch(ifMatch, membership.version);
        staff.seen(caller);
        catchUp(membership, today());
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
        change.recordedBy = by;
        change.recordedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        change.persist();
        events.changed(membership, change);
    }

    private static void requirePartner(UUID partnerId, boolean lock) {
        Partner partner = lock ? Partner.findById(partnerId, LockModeType.PESSIMISTIC_WRITE) : Partner.findById(partnerId);
        if (partner == null) {
            throw NotFound.of("Partner", partnerId);
        }
    }

    private String requireTier(String field, String tier) {
        if (tier == null || !partnerConfig.tiers().contains(tier)) {
            throw InvalidInput.field(field, "must be one of " + partnerConfig.tiers());
        }
        return tier;
    }
}
