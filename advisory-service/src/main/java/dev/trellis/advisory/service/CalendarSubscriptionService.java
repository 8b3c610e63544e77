package dev.trellis.advisory.service;

import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.BoardMeeting;
import dev.trellis.advisory.domain.CalendarSubscription;
import dev.trellis.advisory.persistence.CalendarSubscriptionQueries;
import dev.trellis.platform.domain.AccessDenied;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.domain.StateConflict;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Private calendar feeds of a board's meetings ({@link CalendarSubscription}). Whoever may read a board's meetings may
 * make one for themselves; its secret is shown once. Each fetch checks again what the owner may see: a partner user's
 * organisation must still hold a seat on the board, as for the meetings themselves. The owner or foundation staff
 * revoke it; staff see every feed of a board, others only their own.
 */
@ApplicationScoped
public class CalendarSubscriptionService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;

    private final BoardService boards;
    private final MeetingService meetings;
    private final CalendarSubscriptionQueries queries;
    private final Clock clock;

    public CalendarSubscriptionService(BoardService boards, MeetingService meetings, CalendarSubscriptionQueries queries,
            Clock clock) {
        this.boards = boards;
        this.meetings = meetings;
        this.queries = queries;
        this.clock = clock;
    }

    /** A new feed and its secret, which is not kept and cannot be shown again. */
    public record Created(CalendarSubscription subscription, String secret) {
    }

    /** A feed's board and the meetings its owner may see. */
    public record Feed(Board board, List<BoardMeeting> meetings) {
    }

    /** Makes a private feed of the board for {@code caller}, who must be able to read its meetings. */
    @Transactional
    public Created create(UUID boardId, Caller caller) {
        meetings.requireReadable(boardId, caller);
        if (caller.subject() == null) {
            throw new AccessDenied("no-subject", "No user", "A calendar feed belongs to a user; the token names none");
        }
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        CalendarSubscription s = new CalendarSubscription();
        s.id = UUID.randomUUID();
        s.boardId = boardId;
        s.secretHash = hash(secret);
        s.ownerSubject = caller.subject();
        s.ownerUsername = caller.username() == null ? caller.subject() : caller.username();
        s.ownerRoles = String.join(",", new TreeSet<>(caller.roles()));
        s.ownerPartnerId = caller.partnerId();
        s.persist();
        return new Created(s, secret);
    }

    /** The board's feeds: every one for foundation staff, the caller's own for anyone else who may read the board. */
    @Transactional
    public Page<CalendarSubscription> list(UUID boardId, Caller caller, PageRequest page) {
        meetings.requireReadable(boardId, caller);
        return queries.page(boardId, caller.isFoundationStaff() ? null : caller.subject(), page);
    }

    /** One feed, for whom {@link #list} shows it. */
    @Transactional
    public CalendarSubscription get(UUID boardId, UUID id, Caller caller) {
        meetings.requireReadable(boardId, caller);
        return visible(boardId, id, caller);
    }

    /** Ends a feed for good: its owner or foundation staff. Revoking a revoked feed is a 409. */
    @Transactional
    public CalendarSubscription revoke(UUID boardId, UUID id, Caller caller) {
        boards.get(boardId);
        CalendarSubscription s = visible(boardId, id, caller);
        if (s.revoked()) {
            throw StateConflict.of("feed-revoked", "Feed already revoked", "This calendar feed was revoked at " + s.revokedAt);
        }
        s.revokedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        s.revokedBy = caller.username() == null ? caller.subject() : caller.username();
        return s;
    }

    /**
     * The feed behind a secret, with what its owner may see today. An unknown or revoked secret, or an owner who may
     * no longer read the board, is not found: a secret address tells nothing about why.
     */
    @Transactional
    public Optional<Feed> feed(String secret) {
        if (secret == null || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<CalendarSubscription> found = CalendarSubscription.<CalendarSubscription>find("secretHash", hash(secret))
                .firstResultOptional().filter(s -> !s.revoked());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CalendarSubscription s = found.get();
        try {
            meetings.requireReadable(s.boardId, s.owner());
        } catch (NotFound | AccessDenied e) {
            return Optional.empty();
        }
        s.lastFetchedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        return Optional.of(new Feed(boards.get(s.boardId), meetings.all(s.boardId)));
    }

    private static CalendarSubscription visible(UUID boardId, UUID id, Caller caller) {
        CalendarSubscription s = CalendarSubscription.findById(id);
        if (s == null || !s.boardId.equals(boardId) || !(caller.isFoundationStaff() || s.ownedBy(caller))) {
            throw NotFound.of("Calendar feed", id);
        }
        return s;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
