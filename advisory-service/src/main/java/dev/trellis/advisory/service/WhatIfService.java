package dev.trellis.advisory.service;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.policy.BoardState;
import dev.trellis.advisory.domain.policy.Hypothesis;
import dev.trellis.advisory.domain.policy.SeatPolicy;
import dev.trellis.advisory.domain.policy.SeatPolicyEngine;
import dev.trellis.advisory.persistence.PartnerReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Governance foresight: every board's seats measured against its policy as they would be after hypothetical
 * changes (an acquisition, a tier change, a holder changing employer), with the findings that are new against the
 * board as it stands. Reads only; nothing is changed or published.
 */
@ApplicationScoped
public class WhatIfService {
    private final PolicyService policies;
    private final PartnerReadModel readModel;
    private final Clock clock;

    public WhatIfService(PolicyService policies, PartnerReadModel readModel, Clock clock) {
        this.policies = policies;
        this.readModel = readModel;
        this.clock = clock;
    }

    /** A finding on the changed board, and whether the board as it stands has it too. */
    public record Outcome(SeatPolicyEngine.Finding finding, boolean isNew) {
    }

    public record BoardOutcome(Board board, List<Outcome> findings) {
        public boolean affected() {
            return findings.stream().anyMatch(Outcome::isNew);
        }
    }

    /** The day assessed, and every board's outcome, those the changes affect first. */
    public record Assessment(LocalDate day, List<BoardOutcome> boards) {
    }

    @Transactional
    public Assessment assess(Hypothesis hypothesis, LocalDate on) {
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        List<BoardOutcome> out = new ArrayList<>();
        for (Board board : Board.<Board>listAll()) {
            SeatPolicy policy = policies.policyOf(board);
            BoardState today = readModel.state(Seat.list("boardId", board.id), day);
            Set<String> now = SeatPolicyEngine.audit(policy, today, day).stream().map(WhatIfService::key).collect(Collectors.toSet());
            List<Outcome> after = SeatPolicyEngine.audit(policy, hypothesis.applyTo(today), day).stream()
                    .map(f -> new Outcome(f, !now.contains(key(f)))).toList();
            out.add(new BoardOutcome(board, after));
        }
        out.sort(Comparator.comparing((BoardOutcome b) -> !b.affected()).thenComparing(b -> b.board().name));
        return new Assessment(day, out);
    }

    private static String key(SeatPolicyEngine.Finding f) {
        return f.seatId() + "/" + f.rule() + "/" + f.reasonCode();
    }
}
