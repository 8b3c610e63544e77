package dev.trellis.advisory.service;

import dev.trellis.platform.audit.AuditTrail;
import dev.trellis.advisory.domain.CalendarSubscription;
import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.PolicyOverride;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.SeatFilter;
import dev.trellis.advisory.domain.SeatFlag;
import dev.trellis.advisory.messaging.out.SeatEvents;
import dev.trellis.advisory.domain.policy.BoardState;
import dev.trellis.advisory.domain.policy.FlagCodes;
import dev.trellis.advisory.domain.policy.Holding;
import dev.trellis.advisory.domain.policy.SeatPolicy;
import dev.trellis.advisory.domain.policy.SeatPolicyEngine;
import dev.trellis.advisory.domain.policy.Violation;
import dev.trellis.advisory.persistence.ContactReadModel;
import dev.trellis.advisory.persistence.PartnerReadModel;
import dev.trellis.advisory.persistence.SeatQueries;
import dev.trellis.advisory.service.command.Appointment;
import dev.trellis.advisory.service.command.Vacancy;
import dev.trellis.platform.domain.BrokenRule;
import dev.trellis.platform.domain.DomainRuleViolation;
import dev.trellis.platform.domain.InvalidInput;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.RuleViolation;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.domain.Versions;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Caller;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Appoints and vacates seats under the board's policy, and keeps the policy's flags on held seats current. */
@ApplicationScoped
public class SeatService {
    private static final Logger LOG = Logger.getLogger(SeatService.class);
    private static final String SEAT_POLICY_VIOLATED = "Seat policy violated";
    static final String UNKNOWN_CONTACT = "unknown-contact";
    /** The vacate reason of the seats of an erased contact. */
    static final String ERASED = "erased";

    private final BoardService boards;
    private final PolicyService policies;
    private final PartnerReadModel readModel;
    private final ContactReadModel contacts;
    private final SeatQueries queries;
    private final SeatEvents events;
    private final CompositionEvents compositions;
    private final Clock clock;
    private final AuditTrail audit;

    public SeatService(BoardService boards, PolicyService policies, PartnerReadModel readModel, ContactReadModel contacts,
            SeatQueries queries, SeatEvents events, CompositionEvents compositions, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.compositions = compositions;
        this.boards = boards;
        this.policies = policies;
        this.readModel = readModel;
        this.contacts = contacts;
        this.queries = queries;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A board's seats by term start, cursor-paged, only those {@code filter} names (null: all). Staff
     * and the community team see every seat; a partner user sees only those held for its own organisation.
     *
     * @throws dev.trellis.platform.domain.AccessDenied {@code no-partner} for a partner token without partner
     */
    @Transactional
    public Page<SeatView> list(UUID boardId, Caller caller, SeatFilter filter, PageRequest page) {
        UUID partner = scope(caller);
        boards.get(boardId);
        LocalDate today = today();
        Page<Seat> seats = queries.page(boardId, partner, filter, today, page);
        Map<UUID, List<SeatFlag>> flags = queries.flags(seats.items());
        Map<UUID, String> names = readModel.partnerNames(seats.items().stream().map(s -> s.partnerId).filter(Objects::nonNull).toList());
        return seats.map(s -> new SeatView(s, flags.getOrDefault(s.id, List.of()), names.get(s.partnerId), s.statusOn(today)));
    }

    /** One seat; a partner sees only its own (another's is "not found", so ids are not confirmed). */
    @Transactional
    public SeatView get(UUID boardId, UUID seatId, Caller caller) {
        return view(find(boardId, seatId, scope(caller)));
    }

    /** The partner a caller's view of seats is limited to; null for staff and the community team. */
    private static UUID scope(Caller caller) {
        return caller.isStaff() ? null : caller.ownPartnerId();
    }

    private static Seat find(UUID boardId, UUID seatId, UUID partner) {
        Seat seat = Seat.findById(seatId);
        if (seat == null || !seat.boardId.equals(boardId) || (partner != null && !partner.equals(seat.partnerId))) {
            throw NotFound.of("Seat", seatId);
        }
        return seat;
    }

    private SeatView view(Seat seat) {
        String name = seat.partnerId == null ? null : readModel.partnerNames(List.of(seat.partnerId)).get(seat.partnerId);
        return new SeatView(seat, queries.flags(List.of(seat)).getOrDefault(seat.id, List.of()), name, seat.statusOn(today()));
    }

    /**
     * Seats the contact if the policy allows it, or if staff override every rule it breaks with a
     * reason. The board row is locked, so two appointments cannot both take the last seat under a cap.
     * Whoever appoints is named in the audit of the overrides.
     *
     * @throws dev.trellis.platform.domain.AccessDenied {@code no-username} for a token without preferred_username
     * @throws DomainRuleViolation the rules of the policy the appointment breaks (see {@link #refusal})
     */
    @Transactional
    public SeatView appoint(UUID boardId, Appointment a, Caller caller) {
        String staff = caller.requireUsername();
        Board board = lock(boardId);
        SeatPolicy policy = policies.policyOf(board);
        if (a.partnerId() != null && a.partnerId().equals(a.holderContactId())) {
            throw InvalidInput.field("partnerId", "is a partner, not the holder contact");
        }
        requireContacts(a);
        List<Seat> seats = Seat.list("boardId", boardId);
        BoardState state = readModel.state(seats, a.termStart());
        Set<UUID> employers = readModel.employers(List.of(a.holderContactId()), a.termStart()).get(a.holderContactId());
        Holding candidate = new Holding(null, a.kind(), a.holderContactId(), a.partnerId(), a.tierBasis(), a.termStart(),
                a.termEnd(), employers);
        List<Violation> violations = SeatPolicyEngine.check(policy, state, candidate);
        List<Violation> refused = violations.stream().filter(v -> !a.overrideRules().contains(v.rule())).toList();
        if (!refused.isEmpty()) {
            throw refusal(refused);
        }
        Seat seat = new Seat();
        seat.id = UUID.randomUUID();
        seat.boardId = boardId;
        seat.kind = a.kind();
        seat.holderContactId = a.holderContactId();
        seat.partnerId = a.partnerId();
        seat.tierBasis = a.tierBasis();
        seat.termStart = a.termStart();
        seat.termEnd = a.termEnd();
        seat.alternateContactId = a.alternateContactId();
        seat.persist();
        Instant now = now();
        for (Violation v : violations) {
            PolicyOverride o = new PolicyOverride();
            o.id = UUID.randomUUID();
            o.boardId = boardId;
            o.seatId = seat.id;
            o.rule = v.rule();
            o.detail = v.detail();
            o.reason = a.overrideReason();
            o.overriddenBy = staff;
            o.overriddenAt = now;
            o.persist();
            LOG.infof("Seat %s on board %s appointed overriding rule %s", seat.id, boardId, v.rule());
        }
        events.assigned(seat);
        compositions.publishIfChanged(board, policy);
        return view(seat);
    }

    /**
     * The holder and the alternate are people partner-service registered and has not erased.
     *
     * @throws RuleViolation {@code unknown-contact} (422) naming {@code holderContactId} or {@code alternateContactId}
     */
    private void requireContacts(Appointment a) {
        Map<String, UUID> people = new LinkedHashMap<>();
        people.put("holderContactId", a.holderContactId());
        if (a.alternateContactId() != null) {
            people.put("alternateContactId", a.alternateContactId());
        }
        Set<UUID> known = contacts.known(people.values());
        Set<UUID> erased = contacts.erased(people.values());
        List<BrokenRule> rules = new ArrayList<>();
        people.forEach((field, id) -> {
            if (erased.contains(id)) {
                rules.add(new BrokenRule(UNKNOWN_CONTACT, field + " " + id + " is a contact partner-service has erased"));
            } else if (!known.contains(id)) {
                rules.add(new BrokenRule(UNKNOWN_CONTACT, field + " " + id + " is no contact partner-service has registered"));
            }
        });
        if (!rules.isEmpty()) {
            throw new RuleViolation(UNKNOWN_CONTACT, "Unknown contact", rules);
        }
    }

    /**
     * The refusal of an appointment: a {@link StateConflict} (409) if any rule clashes with the board as
     * it stands, else a {@link RuleViolation} (422) of a request that can never be right. Its slug is
     * the first such rule; every rule broken is listed.
     */
    static DomainRuleViolation refusal(List<Violation> violations) {
        boolean conflict = violations.stream().anyMatch(Violation::conflict);
        Violation first = violations.stream().filter(Violation::conflict).findFirst().orElse(violations.get(0));
        List<BrokenRule> rules = violations.stream().map(v -> new BrokenRule(v.rule(), v.detail())).toList();
        return conflict ? new StateConflict(first.rule(), SEAT_POLICY_VIOLATED, rules)
                : new RuleViolation(first.rule(), SEAT_POLICY_VIOLATED, rules);
    }

    /**
     * Vacates a held or future seat from the vacancy's date (default today), if {@code ifMatch} names
     * the seat's version.
     */
    @Transactional
    public SeatView vacate(UUID boardId, UUID seatId, String ifMatch, Vacancy vacancy) {
        Board board = lock(boardId);
        Seat seat = find(boardId, seatId, null);
        Versions.requireMatch(ifMatch, seat.version);
        LocalDate effective = vacancy.effectiveDate() == null ? today() : vacancy.effectiveDate();
        if (seat.vacatedOn != null) {
            throw StateConflict.of("seat-vacated", "Seat vacated", "The seat was vacated on " + seat.vacatedOn);
        }
        if (seat.termEnd != null && seat.termEnd.isBefore(effective)) {
            throw StateConflict.of("term-ended", "Term ended", "The seat's term ended on " + seat.termEnd);
        }
        vacate(seat, effective, vacancy.reason());
        Seat.getEntityManager().flush(); // the new version goes out with the ETag
        compositions.publishIfChanged(board, policies.policyOf(board));
        return view(seat);
    }

    private void vacate(Seat seat, LocalDate effective, String reason) {
        seat.vacatedOn = effective.isBefore(seat.termStart) ? seat.termStart : effective;
        seat.vacateReason = reason;
        SeatFlag.delete("seatId", seat.id);
        events.vacated(seat);
    }

    /** The audit of the board's policy overrides, newest first, cursor-paged. */
    @Transactional
    public Page<PolicyOverride> overrides(UUID boardId, PageRequest page) {
        boards.get(boardId);
        return queries.overrides(boardId, page);
    }

    /** Re-checks every board; after a partner event that may touch any of them. */
    @Transactional
    public void reconcileAll() {
        for (Board board : Board.<Board>listAll()) {
            reconcile(board.id);
        }
    }

    /**
     * Re-checks the seats held today against the policy and the read model: a new finding flags its
     * seat (and publishes seat-flagged), a resolved one is cleared. When the policy ends seats whose
     * holder left the partner, those seats are vacated. Running it twice changes nothing the second time.
     */
    @Transactional
    public void reconcile(UUID boardId) {
        Board board = lock(boardId);
        SeatPolicy policy = policies.policyOf(board);
        LocalDate day = today();
        List<Seat> seats = Seat.list("boardId", boardId);
        Map<UUID, Seat> byId = seats.stream().collect(Collectors.toMap(s -> s.id, s -> s));
        List<SeatPolicyEngine.Finding> findings = SeatPolicyEngine.audit(policy, readModel.state(seats, day), day);
        Map<UUID, List<SeatFlag>> open = queries.flags(seats);
        // a flag stored under a code since renamed is the same finding under today's code
        open.values().stream().flatMap(List::stream).filter(x -> !FlagCodes.canonical(x.reasonCode).equals(x.reasonCode))
                .forEach(x -> x.reasonCode = FlagCodes.canonical(x.reasonCode));
        Set<String> found = new HashSet<>();
        Map<UUID, SeatPolicyEngine.Finding> leavers = new HashMap<>();
        for (SeatPolicyEngine.Finding f : findings) {
            found.add(f.seatId() + "/" + f.reasonCode());
            if (FlagCodes.HOLDER_LEFT_PARTNER.equals(f.reasonCode())) {
                leavers.put(f.seatId(), f);
            }
            boolean flagged = open.getOrDefault(f.seatId(), List.of()).stream().anyMatch(x -> x.reasonCode.equals(f.reasonCode()));
            if (!flagged) {
                SeatFlag flag = new SeatFlag();
                flag.id = UUID.randomUUID();
                flag.seatId = f.seatId();
                flag.rule = f.rule();
                flag.reasonCode = f.reasonCode();
                flag.detail = f.detail();
                flag.flaggedAt = now();
                flag.persist();
                events.flagged(byId.get(f.seatId()), f.reasonCode(), f.detail());
            }
        }
        open.values().stream().flatMap(List::stream).filter(x -> !found.contains(x.seatId + "/" + x.reasonCode)).forEach(SeatFlag::delete);
        if (policy.seatEndsWhenHolderLeavesEmployer()) {
            SeatFlag.flush();
            leavers.values().forEach(f -> vacate(byId.get(f.seatId()), day, "The holder left the partner the seat was held for"));
        }
        compositions.publishIfChanged(board, policy);
    }

    /**
     * contact-erased: each seat the person holds, now or from a later day, is vacated from today (reason
     * {@value #ERASED}, publishing seat-vacated), and they stop being anyone's alternate. Boards are
     * locked in id order, as an appointment locks its board. A second erasure changes nothing.
     */
    @Transactional
    public void contactErased(UUID contact, Instant at) {
        contactErased(contact, at, null, null);
    }

    /**
     * As {@link #contactErased(UUID, Instant)}, then confirms the erasure request {@code requestId} (erasure-completed,
     * in the same transaction); null: nothing to confirm (an event sent before requests were tracked).
     */
    @Transactional
    public void contactErased(UUID contact, Instant at, UUID requestId, String emailSha256) {
        vacateErased(contact, at);
        if (emailSha256 != null) {
            forgetPortalUser(contact, emailSha256);
        }
        if (requestId != null) {
            events.erasureCompleted(requestId, contact, now());
        }
    }

    /**
     * The person's partner-portal account (username = the address, known here by its digest only): its private
     * calendar feeds are deleted, and the audit entries it signed name a placeholder instead.
     */
    private void forgetPortalUser(UUID contact, String emailSha256) {
        @SuppressWarnings("unchecked")
        List<UUID> feeds = Seat.getEntityManager().createNativeQuery("select id from calendar_subscription where "
                        + "encode(sha256(convert_to(lower(btrim(owner_username)), 'UTF8')), 'hex') = ?1", UUID.class)
                .setParameter(1, emailSha256).getResultList();
        if (!feeds.isEmpty()) {
            CalendarSubscription.<CalendarSubscription>list("id in ?1", feeds).forEach(CalendarSubscription::delete);
        }
        audit.replaceActor(emailSha256, "erased-" + contact);
    }

    private void vacateErased(UUID contact, Instant at) {
        contacts.erased(contact, at);
        LocalDate today = today();
        String involving = "(s.holderContactId = :contact and s.vacatedOn is null) or s.alternateContactId = :contact";
        Seat.getEntityManager().createQuery("select distinct s.boardId from Seat s where " + involving, UUID.class)
                .setParameter("contact", contact).getResultList().stream().sorted().forEach(SeatService::lock);
        List<Seat> involved = Seat.list("from Seat s where " + involving, Parameters.with("contact", contact));
        for (Seat seat : involved) {
            if (contact.equals(seat.alternateContactId)) {
                seat.alternateContactId = null;
            }
            if (contact.equals(seat.holderContactId) && seat.vacatedOn == null
                    && (seat.termEnd == null || !seat.termEnd.isBefore(today))) {
                vacate(seat, today, ERASED);
                LOG.infof("Seat %s on board %s vacated: its holder was erased", seat.id, seat.boardId);
            }
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static Board lock(UUID boardId) {
        Board board = Board.findById(boardId, LockModeType.PESSIMISTIC_WRITE);
        if (board == null) {
            throw NotFound.of("Board", boardId);
        }
        return board;
    }
}
