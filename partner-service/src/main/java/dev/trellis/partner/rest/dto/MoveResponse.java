package dev.trellis.partner.rest.dto;

import dev.trellis.partner.service.AffiliationService;
import java.util.List;

/** What a move did: the affiliations it ended and the one it started. */
public record MoveResponse(List<AffiliationResponse> ended, AffiliationResponse started) {

    public static MoveResponse of(AffiliationService.Move move) {
        return new MoveResponse(move.ended().stream().map(AffiliationResponse::of).toList(),
                AffiliationResponse.of(move.started()));
    }
}
