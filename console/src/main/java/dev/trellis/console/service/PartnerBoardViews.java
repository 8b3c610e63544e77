package dev.trellis.console.service;

import dev.trellis.console.api.AdvisoryApi;
import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.api.PartnersApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A partner user's boards: the seats held for their own organisation (the API lists a partner only its own) and
 * the meetings of the boards it holds a seat on today (the API answers 404 for any other). Seat flags are not
 * shown: they are the foundation's findings about the policy, and may name other companies.
 */
@ApplicationScoped
public class PartnerBoardViews {

    private final AdvisoryApi advisory;
    private final PartnersApi partners;

    PartnerBoardViews(@RestClient AdvisoryApi advisory, @RestClient PartnersApi partners) {
        this.advisory = advisory;
        this.partners = partners;
    }

    public record OwnSeat(AdvisoryApi.Seat seat, String holderName, String alternateName) {
        public boolean suspended() {
            return "SUSPENDED".equals(seat.votingStatus());
        }
    }

    public record OwnBoard(UUID boardId, String name, List<OwnSeat> seats, boolean seatedToday, List<AdvisoryApi.Meeting> meetings) {
        public List<AdvisoryApi.Meeting> upcoming() {
            return meetings.stream().filter(m -> !m.held()).toList();
        }

        public List<AdvisoryApi.Meeting> held() {
            return meetings.stream().filter(AdvisoryApi.Meeting::held).toList();
        }
    }

    public List<OwnBoard> boards() {
        Map<UUID, String> people = new HashMap<>();
        List<OwnBoard> out = new ArrayList<>();
        for (AdvisoryApi.Composition board : advisory.compositions(50).items()) {
            List<AdvisoryApi.Seat> seats = advisory.seats(board.boardId(), null, 100).items();
            if (seats.isEmpty()) {
                continue;
            }
            if (people.isEmpty()) {
                partners.ownContacts(200).items().forEach(c -> people.put(c.id(), (c.firstName() + " " + c.lastName()).strip()));
            }
            boolean seated = seats.stream().anyMatch(s -> "HELD".equals(s.status()));
            List<AdvisoryApi.Meeting> meetings = List.of();
            if (seated) {
                try {
                    meetings = advisory.meetings(board.boardId(), 50, null).items();
                } catch (ApiProblem notSeated) {
                    if (notSeated.status() != 404) {
                        throw notSeated;
                    }
                }
            }
            out.add(new OwnBoard(board.boardId(), board.name(), seats.stream().map(s -> new OwnSeat(s,
                    people.getOrDefault(s.holderContactId(), "Unknown contact"),
                    s.alternateContactId() == null ? null : people.getOrDefault(s.alternateContactId(), "Unknown contact"))).toList(),
                    seated, meetings));
        }
        return out;
    }

    public record OwnMeeting(String boardName, UUID boardId, AdvisoryApi.Meeting meeting) {
    }

    /** One meeting of a board the organisation holds a seat on today; the API answers 404 for any other. */
    public OwnMeeting meeting(UUID boardId, UUID meetingId) {
        AdvisoryApi.Meeting meeting = advisory.meeting(boardId, meetingId);
        String name = advisory.compositions(50).items().stream().filter(c -> c.boardId().equals(boardId)).map(AdvisoryApi.Composition::name)
                .findFirst().orElse("Board");
        return new OwnMeeting(name, boardId, meeting);
    }
}
