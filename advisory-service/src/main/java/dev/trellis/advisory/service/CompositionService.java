package dev.trellis.advisory.service;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.Seat;
import dev.trellis.platform.http.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
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
    private final ReadModel readModel;

    public CompositionService(BoardService boards, ReadModel readModel) {
        this.boards = boards;
        this.readModel = readModel;
    }

    public record Composition(Board board, List<Company> companies) {
    }

    /** A company and the number of seats held for it. */
    public record Company(UUID partnerId, String name, int seats) {
    }

    @Transactional
    public Composition of(UUID boardId) {
        return compose(boards.get(boardId), SeatService.today());
    }

    @Transactional
    public List<Composition> list(PageRequest page) {
        LocalDate today = SeatService.today();
        return boards.list(page).stream().map(b -> compose(b, today)).toList();
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
