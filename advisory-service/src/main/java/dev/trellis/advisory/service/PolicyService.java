package dev.trellis.advisory.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.advisory.domain.Board;
import dev.trellis.advisory.domain.policy.SeatPolicy;
import dev.trellis.platform.domain.RuleViolation;
import dev.trellis.platform.domain.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Reads and replaces boards' seat policies, stored as JSON on the board. */
@ApplicationScoped
public class PolicyService {
    private final ObjectMapper json;
    private final BoardService boards;
    private final CompositionEvents compositions;

    public PolicyService(ObjectMapper json, BoardService boards, CompositionEvents compositions) {
        this.compositions = compositions;
        this.json = json;
        this.boards = boards;
    }

    public SeatPolicy policyOf(Board board) {
        try {
            return json.readValue(board.policy, SeatPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("board " + board.id + " holds an unreadable policy", e);
        }
    }

    /**
     * Replaces the policy if {@code ifMatch} names the board's version; the policy is checked first.
     *
     * @throws RuleViolation {@code invalid-policy} (422) for a document the engine cannot use
     */
    @Transactional
    public Board replace(UUID boardId, String ifMatch, JsonNode document) {
        Board board = boards.get(boardId);
        Versions.requireMatch(ifMatch, board.version);
        SeatPolicy policy = parse(document);
        board.policy = write(policy);
        Board.getEntityManager().flush(); // the new version goes out with the ETag
        compositions.publishIfChanged(board, policy);
        return board;
    }

    /** Sets a policy without a precondition; for the demo data. */
    @Transactional
    public void set(UUID boardId, SeatPolicy policy) {
        Board board = boards.get(boardId);
        board.policy = write(policy);
        compositions.publishIfChanged(board, policy);
    }

    SeatPolicy parse(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw invalid("The policy is a JSON object");
        }
        try {
            // strict: a misspelt key in a charter's rules must not be dropped silently
            return json.readerFor(SeatPolicy.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(document);
        } catch (java.io.IOException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String message = cause instanceof IllegalArgumentException ? cause.getMessage()
                    : e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw invalid("The policy cannot be used: " + message);
        }
    }

    private String write(SeatPolicy policy) {
        try {
            return json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy cannot be written as JSON", e);
        }
    }

    private static RuleViolation invalid(String detail) {
        return RuleViolation.of("invalid-policy", "Invalid seat policy", detail);
    }
}
