package dev.trellis.advisory.service;

import dev.trellis.advisory.domain.AffiliationView;
import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.policy.BoardState;
import dev.trellis.advisory.domain.policy.Holding;
import dev.trellis.advisory.domain.policy.SeatPolicy;
import dev.trellis.advisory.domain.policy.SeatPolicyEngine;
import dev.trellis.advisory.domain.policy.Violation;
import dev.trellis.advisory.persistence.PartnerReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Seat succession: for each seat of a board whose term ends within a window, and each seat vacated within the
 * window before today, the contacts who could take it from the day it opens without breaking any rule of the
 * board's policy, and why each other candidate is excluded. The candidates of a seat held for a partner are that
 * partner's people on the day it opens; of a personal seat, the people of every partner the read model knows (at most
 * {@value #MAX_CANDIDATES}). Each is checked by the policy engine as an appointment of the same kind, partner and tier
 * for a term as long as the old one, on the board without the seat that opens.
 */
@ApplicationScoped
public class SuccessionService {
    static final int MAX_CANDIDATES = 200;

    private final BoardService boards;
    private final PolicyService policies;
    private final PartnerReadModel readModel;
    private final Clock clock;

    public SuccessionService(BoardService boards, PolicyService policies, PartnerReadModel readModel, Clock clock) {
        this.boards = boards;
        this.policies = policies;
        this.readModel = readModel;
        this.clock = clock;
    }

    /** A candidate who could not take the seat, and every rule the appointment would break. */
    public record Excluded(UUID contactId, List<Violation> rules) {
    }

    public record Opening(Seat seat, LocalDate opensOn, List<UUID> eligible, List<Excluded> excluded) {
    }

    /** The openings, and the names of the partners their seats are held for. */
    public record Plan(Board board, LocalDate from, LocalDate to, List<Opening> openings, Map<UUID, String> partnerNames) {
    }

    @Transactional
    public Plan plan(UUID boardId, Period within) {
        Board board = boards.get(boardId);
        SeatPolicy policy = policies.policyOf(board);
        LocalDate today = LocalDate.now(clock);
        LocalDate to = today.plus(within);
        LocalDate from = today.minus(within);
        List<Seat> seats = Seat.list("boardId", boardId);
        List<Opening> openings = new ArrayList<>();
        for (Seat seat : seats) {
            LocalDate last = seat.lastDay();
            if (seat.neverHeld() || last == null || last.isBefore(from.minusDays(1)) || last.isAfter(to)) {
                continue;
            }
            LocalDate opensOn = last.plusDays(1).isBefore(today) ? today : last.plusDays(1);
            List<Seat> others = seats.stream().filter(s -> !s.id.equals(seat.id)).toList();
            BoardState state = readModel.state(others, opensOn);
            LocalDate termEnd = seat.termEnd == null ? null
                    : opensOn.plusDays(ChronoUnit.DAYS.between(seat.termStart, seat.termEnd));
            List<UUID> eligible = new ArrayList<>();
            List<Excluded> excluded = new ArrayList<>();
            Map<UUID, Set<UUID>> employers = readModel.employers(candidates(seat, opensOn), opensOn);
            for (Map.Entry<UUID, Set<UUID>> candidate : employers.entrySet()) {
                Holding holding = new Holding(null, seat.kind, candidate.getKey(), seat.partnerId, seat.tierBasis, opensOn, termEnd,
                        candidate.getValue());
                List<Violation> broken = SeatPolicyEngine.check(policy, state, holding);
                if (broken.isEmpty()) {
                    eligible.add(candidate.getKey());
                } else {
                    excluded.add(new Excluded(candidate.getKey(), broken));
                }
            }
            eligible.sort(Comparator.naturalOrder());
            excluded.sort(Comparator.comparing(Excluded::contactId));
            openings.add(new Opening(seat, opensOn, eligible, excluded));
        }
        openings.sort(Comparator.comparing(Opening::opensOn).thenComparing(o -> o.seat().id));
        return new Plan(board, today, to, openings, readModel.partnerNames(openings.stream().map(o -> o.seat().partnerId).toList()));
    }

    /** The people who could hold the seat from {@code day}: its partner's, or every known partner's for a personal seat. */
    private static Set<UUID> candidates(Seat seat, LocalDate day) {
        List<AffiliationView> affiliations = seat.partnerId == null ? AffiliationView.listAll()
                : AffiliationView.list("partnerId", seat.partnerId);
        return affiliations.stream().filter(a -> a.activeOn(day)).map(a -> a.contactId).sorted().limit(MAX_CANDIDATES)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
