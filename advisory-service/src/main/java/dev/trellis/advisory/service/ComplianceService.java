package dev.trellis.advisory.service;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.PartnerView;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.VotingStatus;
import dev.trellis.advisory.domain.policy.BoardState;
import dev.trellis.advisory.domain.policy.Holding;
import dev.trellis.advisory.domain.policy.SeatPolicy;
import dev.trellis.advisory.domain.policy.SeatPolicyEngine;
import dev.trellis.advisory.persistence.PartnerReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The compliance report of a board: entitlements, caps, ending terms and the seats that need a look. */
@ApplicationScoped
public class ComplianceService {
    static final int TERMS_ENDING_WITHIN_DAYS = 90;

    private final BoardService boards;
    private final PolicyService policies;
    private final PartnerReadModel readModel;
    private final Clock clock;

    public ComplianceService(BoardService boards, PolicyService policies, PartnerReadModel readModel, Clock clock) {
        this.boards = boards;
        this.policies = policies;
        this.readModel = readModel;
        this.clock = clock;
    }

    /** The board measured against its policy on {@code on}; null: today. */
    @Transactional
    public ComplianceReport report(UUID boardId, LocalDate on) {
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        Board board = boards.get(boardId);
        SeatPolicy policy = policies.policyOf(board);
        List<Seat> held = Seat.<Seat>list("boardId", boardId).stream().filter(s -> !s.neverHeld() && s.heldOn(day)).toList();
        BoardState state = readModel.state(held, day);
        Map<UUID, Holding> holdings = state.holdings().stream().collect(Collectors.toMap(Holding::seatId, h -> h));
        SeatPolicyEngine.Composition composition = SeatPolicyEngine.composition(policy, state, day);

        Set<UUID> named = new HashSet<>();
        held.forEach(s -> named.add(s.partnerId));
        composition.companies().forEach(c -> named.add(c.company()));
        named.remove(null);
        Map<UUID, PartnerView> partners = readModel.partners(named);
        Map<UUID, String> names = new HashMap<>();
        partners.values().forEach(p -> names.put(p.partnerId, p.name));

        LocalDate horizon = day.plusDays(TERMS_ENDING_WITHIN_DAYS);
        return new ComplianceReport(boardId, day,
                composition.tiers().stream().map(t -> new ComplianceReport.TierLine(t.tier(), t.members(), t.entitled(), t.filled(),
                        t.vacancies())).toList(),
                composition.kinds().stream().map(k -> new ComplianceReport.KindLine(k.kind(), k.seats(), k.active(), k.filled(),
                        k.vacancies())).toList(),
                composition.companies().stream().map(c -> new ComplianceReport.CompanyLine(c.rule(), c.company(), names.get(c.company()),
                        c.held(), c.limit(), c.over())).toList(),
                lines(held, names, s -> s.lastDay() != null && !s.lastDay().isAfter(horizon)),
                lines(held, names, s -> s.partnerId != null && state.partners().containsKey(s.partnerId)
                        && !state.partners().get(s.partnerId).active()),
                lines(held, names, s -> holdings.get(s.id).holderLeftPartner()),
                lines(held, names, s -> s.votingStatus == VotingStatus.SUSPENDED));
    }

    private static List<ComplianceReport.SeatLine> lines(List<Seat> seats, Map<UUID, String> names, Predicate<Seat> which) {
        return seats.stream().filter(which).map(s -> new ComplianceReport.SeatLine(s.id, s.kind, s.holderContactId, s.partnerId,
                names.get(s.partnerId), s.lastDay())).toList();
    }
}
