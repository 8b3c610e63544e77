package dev.trellis.advisory.service;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.PublishedComposition;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.domain.policy.BoardState;
import dev.trellis.advisory.domain.policy.SeatPolicy;
import dev.trellis.advisory.domain.policy.SeatPolicyEngine;
import dev.trellis.advisory.messaging.out.SeatEvents;
import dev.trellis.advisory.persistence.PartnerReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Publishes board-composition-changed when the seats a board's company groups hold today, or their cap, or the members'
 * own tier-appointed entitlements and the seats filled of them, differ from what was last published for it; in the caller's transaction, after an appointment, a vacancy, a policy change or a
 * re-check. insights-service's level-playing-field report is built from these.
 */
@ApplicationScoped
public class CompositionEvents {
    private final PartnerReadModel readModel;
    private final SeatEvents events;
    private final Clock clock;

    public CompositionEvents(PartnerReadModel readModel, SeatEvents events, Clock clock) {
        this.readModel = readModel;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publishIfChanged(Board board, SeatPolicy policy) {
        LocalDate day = LocalDate.now(clock);
        List<Seat> held = Seat.<Seat>list("boardId", board.id).stream().filter(s -> !s.neverHeld() && s.heldOn(day)).toList();
        BoardState state = readModel.state(held, day);
        List<SeatPolicyEngine.GroupLine> groups = SeatPolicyEngine.groups(policy, state, day);
        List<SeatPolicyEngine.EntitlementLine> entitlements = SeatPolicyEngine.entitlements(policy, state, day);
        // Entitlements are part of it, so a tier change, a lapse or a new member that alters them publishes again (and
        // every board once after the upgrade that added them: its stored fingerprint has none).
        String fingerprint = held.size() + "|" + groups.stream().map(g -> g.group() + ":" + g.seats() + ":" + g.cap())
                .collect(Collectors.joining(",")) + "|e:" + entitlements.stream()
                .map(e -> e.partner() + ":" + e.tier() + ":" + e.entitled() + ":" + e.filled()).collect(Collectors.joining(","));
        if (fingerprint.length() > 2000) {
            fingerprint = fingerprint.length() + "#" + fingerprint.hashCode();
        }
        PublishedComposition last = PublishedComposition.findById(board.id);
        if (last != null && last.fingerprint.equals(fingerprint)) {
            return;
        }
        if (last == null) {
            last = new PublishedComposition();
            last.boardId = board.id;
        }
        last.fingerprint = fingerprint;
        last.publishedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        last.persist();
        events.compositionChanged(board.id, board.name, day, held.size(), groups, entitlements);
    }
}
