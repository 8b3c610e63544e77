package dev.trellis.advisory.service;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.advisory.persistence.PartnerReadModel;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The public composition of boards: which companies hold seats today. What a partner may see of any
 * board: no holders, no policy, no flags.
 */
@ApplicationScoped
public class CompositionService {
    private final BoardService boards;
    private final PartnerReadModel readModel;
    private final Clock clock;

    public CompositionService(BoardService boards, PartnerReadModel readModel, Clock clock) {
        this.boards = boards;
        this.readModel = readModel;
        this.clock = clock;
    }

    public record Composition(Board board, List<Company> companies) {
    }

    /** A company and the number of seats held for it. */
    public record Company(UUID partnerId, String name, int seats) {
    }

    @Transactional
    public Composition of(UUID boardId) {
        return compose(boards.get(boardId), LocalDate.now(clock));
    }

    /** Every board's composition today, by board name, cursor-paged. */
    @Transactional
    public Page<Composition> list(PageRequest page) {
        LocalDate today = LocalDate.now(clock);
        return boards.list(page).map(b -> compose(b, today));
    }

    private Composition compose(Board board, LocalDate day) {
        Map<UUID, Long> seats = Seat.<Seat>list("boardId", board.id).stream()
                .filter(s -> s.partnerId != null && !s.neverHeld() && s.heldOn(day))
                .collect(Collectors.groupingBy(s -> s.partnerId, Collectors.counting()));
        Map<UUID, String> names = readModel.partnerNames(seats.keySet());
        List<Company> companies = seats.entrySet().stream()
                .map(e -> new Company(e.getKey(), names.get(e.getKey()), e.getValue().intValue()))
                .sorted(Comparator.comparing(Company::name, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(c -> c.partnerId().toString()))
                .filter(Objects::nonNull).toList();
        return new Composition(board, companies);
    }
}
