package dev.trellis.advisory.service;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.PolicyOverride;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.SeatFlag;
import dev.trellis.advisory.domain.policy.BoardState;
import dev.trellis.advisory.domain.policy.Holding;
import dev.trellis.advisory.domain.policy.SeatPolicy;
import dev.trellis.advisory.domain.policy.SeatPolicyEngine;
import dev.trellis.advisory.domain.policy.Violation;
import dev.trellis.advisory.messaging.SeatEvents;
import dev.trellis.platform.http.Cursor;
import dev.trellis.platform.http.EntityTags;
import dev.trellis.platform.http.PageRequest;
import dev.trellis.platform.http.Problem;
import dev.trellis.platform.http.ProblemException;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Appoints and vacates seats under the board's policy, and keeps the policy's flags on held seats current. */
@ApplicationScoped
public class SeatService {
    private static final Logger LOG = Logger.getLogger(SeatService.class);

    private final BoardService boards;
    private final PolicyService policies;
    private final ReadModel readModel;
    private final SeatEvents events;

    public SeatService(BoardService boards, PolicyService policies, ReadModel readModel, SeatEvents events) {
        this.boards = boards;
        this.policies = policies;
        this.readModel = readModel;
        this.events = events;
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A board's seats by term start, cursor-paged; only the partner's own if {@code partner} is set. */
    @Transactional
    public List<Seat> list(UUID boardId, UUID partner, PageRequest page) {
        boards.get(boardId);
        Cursor after = page.decodedCursor(2);
        StringBuilder query = new StringBuilder("boardId = :board");
        Parameters params = Parameters.with("board", boardId);
        if (partner != null) {
            query.append(" and partnerId = :partner");
            params.and("partner", partner);
        }
        if (after != null) {
            query.append(" and (termStart, id) > (:start, :id)");
            params.and("start", dateKey(after)).and("id", after.uuid(1));
        }
        return Seat.find(query + " order by termStart, id", params).page(0, page.fetchSize()).list();
    }

    private static LocalDate dateKey(Cursor cursor) {
        try {
            return LocalDate.parse(cursor.key(0));
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor this list produced; start again without it");
        }
    }

    public static Cursor cursorOf(Seat seat) {
        return Cursor.of(seat.termStart.toString(), seat.id);
    }

    /** One seat; a partner sees only its own (another's is "not found", so ids are not confirmed). */
    @Transactional
    public Seat get(UUID boardId, UUID seatId, UUID partner) {
        Seat seat = Seat.findById(seatId);
        if (seat == null || !seat.boardId.equals(boardId) || (partner != null && !partner.equals(seat.partnerId))) {
            throw ProblemException.notFound("Seat", seatId);
        }
        return seat;
    }

    @Transactional
    public Map<UUID, List<SeatFlag>> flags(List<Seat> seats) {
        if (seats.isEmpty()) {
            return Map.of();
        }
        return SeatFlag.<SeatFlag>list("seatId in ?1 order by flaggedAt, id", seats.stream().map(s -> s.id).toList())
                .stream().collect(Collectors.groupingBy(f -> f.seatId));
    }

    /**
     * Seats the contact if the policy allows it, or if staff override every rule it breaks with a
     * reason. The board row is locked, so two appointments cannot both take the last seat under a cap.
     */
    @Transactional
    public Seat appoint(UUID boardId, Appointment a, String staff) {
        Board board = lock(boardId);
        SeatPolicy policy = policies.policyOf(board);
        if (a.partnerId() != null && a.partnerId().equals(a.holderContactId())) {
            throw ProblemException.badRequest("partnerId", "is a partner, not the holder contact");
        }
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
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
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
        return seat;
    }

    /** 409 if any rule clashes with the board as it stands, else 422; the type names the first rule. */
    static ProblemException refusal(List<Violation> violations) {
        Violation first = violations.stream().filter(Violation::conflict).findFirst().orElse(violations.get(0));
        int status = violations.stream().anyMatch(Violation::conflict) ? 409 : 422;
        return new ProblemException(status, first.rule(), "Seat policy violated",
                violations.stream().map(Violation::detail).collect(Collectors.joining("; ")),
                violations.stream().map(v -> new Problem.FieldError(v.rule(), v.detail())).toList());
    }

    /** Vacates a held or future seat from {@code from} (default today). */
    @Transactional
    public Seat vacate(UUID boardId, UUID seatId, String ifMatch, LocalDate from, String reason) {
        lock(boardId);
        Seat seat = get(boardId, seatId, null);
        EntityTags.requireMatch(ifMatch, seat.version);
        LocalDate effective = from == null ? today() : from;
        if (seat.vacatedOn != null) {
            throw ProblemException.conflict("seat-vacated", "Seat vacated", "The seat was vacated on " + seat.vacatedOn);
        }
        if (seat.termEnd != null && seat.termEnd.isBefore(effective)) {
            throw ProblemException.conflict("term-ended", "Term ended", "The seat's term ended on " + seat.termEnd);
        }
        vacate(seat, effective, reason);
        Seat.getEntityManager().flush();
        return seat;
    }

    private void vacate(Seat seat, LocalDate effective, String reason) {
        seat.vacatedOn = effective.isBefore(seat.termStart) ? seat.termStart : effective;
        seat.vacateReason = reason;
        SeatFlag.delete("seatId", seat.id);
        events.vacated(seat);
    }

    @Transactional
    public List<PolicyOverride> overrides(UUID boardId, PageRequest page) {
        boards.get(boardId);
        Cursor after = page.decodedCursor(2);
        if (after == null) {
            return PolicyOverride.find("boardId = ?1 order by overriddenAt desc, id", boardId).page(0, page.fetchSize()).list();
        }
        return PolicyOverride.find("boardId = :board and (overriddenAt < :at or (overriddenAt = :at and id > :id)) order by overriddenAt desc, id",
                Parameters.with("board", boardId).and("at", after.instant(0)).and("id", after.uuid(1)))
                .page(0, page.fetchSize()).list();
    }

    public static Cursor cursorOf(PolicyOverride o) {
        return Cursor.of(o.overriddenAt.toString(), o.id);
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
        Map<UUID, List<SeatFlag>> open = flags(seats);
        Set<String> found = new HashSet<>();
        Map<UUID, SeatPolicyEngine.Finding> leavers = new HashMap<>();
        for (SeatPolicyEngine.Finding f : findings) {
            found.add(f.seatId() + "/" + f.reasonCode());
            if ("HOLDER_LEFT_PARTNER".equals(f.reasonCode())) {
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
                flag.flaggedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                flag.persist();
                events.flagged(byId.get(f.seatId()), f.reasonCode(), f.detail());
            }
        }
        open.values().stream().flatMap(List::stream).filter(x -> !found.contains(x.seatId + "/" + x.reasonCode)).forEach(SeatFlag::delete);
        if (policy.seatEndsWhenHolderLeavesEmployer()) {
            SeatFlag.flush();
            leavers.values().forEach(f -> vacate(byId.get(f.seatId()), day, "The holder left the partner the seat was held for"));
        }
    }

    private static Board lock(UUID boardId) {
        Board board = Board.findById(boardId, LockModeType.PESSIMISTIC_WRITE);
        if (board == null) {
            throw ProblemException.notFound("Board", boardId);
        }
        return board;
    }
}
