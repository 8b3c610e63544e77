package dev.trellis.console.service;

import dev.trellis.console.api.AdvisoryApi;
import dev.trellis.console.api.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A board's meetings for foundation staff (who schedule and run them) and the community team (who read them):
 * attendance per seat holder, quorum and outcomes exactly as advisory-service computes them under the board's
 * policy; the console only explains the policy's rules in words.
 */
@ApplicationScoped
public class MeetingViews {

    public static final List<String> PRESENCES = List.of("PRESENT", "ABSENT", "ALTERNATE");
    public static final List<String> VOTES = List.of("YES", "NO", "ABSTAIN");
    public static final List<String> TIME_ZONES = List.of("UTC", "Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York",
            "America/Chicago", "America/Los_Angeles", "Asia/Tokyo", "Asia/Singapore", "Australia/Sydney");

    private final AdvisoryApi advisory;
    private final BoardViews boards;

    MeetingViews(@RestClient AdvisoryApi advisory, BoardViews boards) {
        this.advisory = advisory;
        this.boards = boards;
    }

    public record MeetingsPage(AdvisoryApi.Board board, List<AdvisoryApi.Meeting> meetings, String next) {
    }

    public MeetingsPage meetings(UUID boardId, String cursor) {
        AdvisoryApi.Board board = advisory.board(boardId);
        Page<AdvisoryApi.Meeting> page = advisory.meetings(boardId, 50, Forms.blankToNull(cursor));
        return new MeetingsPage(board, page.items(), page.next());
    }

    /** The schedule form: the start is a local date-time ({@code datetime-local}) in an IANA time zone. */
    public record ScheduleForm(String title, String startsAt, String timeZone, String durationMinutes, String agenda, String venue,
            String onlineUrl) {
        /** Now in UTC, to the quarter hour before: a meeting being held can be recorded at once, a later one is typed in. */
        public static ScheduleForm blank() {
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
            LocalDateTime quarter = now.minusMinutes(now.getMinute() % 15);
            return new ScheduleForm("", quarter.toString(), "UTC", "60", "", "", "");
        }
    }

    public static final Set<String> SCHEDULE_FIELDS = Set.of("title", "startsAt", "timeZone", "durationMinutes", "agenda", "venue",
            "onlineUrl");

    public AdvisoryApi.Meeting schedule(UUID boardId, ScheduleForm form) {
        String start = Forms.blankToNull(form.startsAt());
        if (start == null) {
            throw new Forms.InvalidField("startsAt", "say when the meeting starts");
        }
        LocalDateTime startsAt;
        try {
            startsAt = LocalDateTime.parse(start);
        } catch (DateTimeParseException e) {
            throw new Forms.InvalidField("startsAt", "must be a date and time like 2027-03-31T17:00");
        }
        String zone = Forms.blankToNull(form.timeZone());
        try {
            zone = zone == null ? null : ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw new Forms.InvalidField("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        Integer minutes;
        try {
            minutes = Forms.blankToNull(form.durationMinutes()) == null ? null : Integer.valueOf(form.durationMinutes().strip());
        } catch (NumberFormatException e) {
            throw new Forms.InvalidField("durationMinutes", "must be a number of minutes, like 90");
        }
        return advisory.schedule(boardId, new AdvisoryApi.NewMeeting(form.title() == null ? null : form.title().strip(), startsAt, zone,
                minutes, Forms.blankToNull(form.agenda()), Forms.blankToNull(form.venue()), Forms.blankToNull(form.onlineUrl())));
    }

    /** One expected seat at the meeting, named; {@code voter}: a voting member present, who may vote. */
    public record AttendanceRow(AdvisoryApi.RollLine line, String holderName, String partnerName, boolean voter) {
        public boolean suspended() {
            return "SUSPENDED".equals(line.votingStatus());
        }

        /** What this row's select sends for a choice: {@code seatId:CHOICE}. */
        public String value(String choice) {
            return line.seatId() + ":" + choice;
        }

        public boolean is(String presence) {
            return presence.equals(line.presence());
        }
    }

    public record VoteRow(String holderName, String vote) {
    }

    public record ResolutionRow(AdvisoryApi.Resolution resolution, List<VoteRow> votes) {
        public String outcomeText() {
            return switch (resolution.outcome() == null ? "" : resolution.outcome()) {
                case "ADOPTED" -> "Adopted";
                case "REJECTED" -> "Rejected";
                case "NO_QUORUM" -> "Not decided: no quorum";
                default -> resolution.outcome();
            };
        }
    }

    public record MeetingPage(AdvisoryApi.Board board, AdvisoryApi.Meeting meeting, AdvisoryApi.Roll roll, List<AttendanceRow> rows,
            List<ResolutionRow> resolutions, String quorumRule, String decisionRule, String attendanceRule) {
        public boolean attendanceRecorded() {
            return roll.quorumMet() != null;
        }

        public List<AttendanceRow> voters() {
            return rows.stream().filter(AttendanceRow::voter).toList();
        }

        /** The meeting's quorum in words, as the API computed it. */
        public String quorumText() {
            if (roll.quorumMet() == null) {
                return "Not known yet: the attendance is not recorded.";
            }
            return (roll.quorumMet() ? "Quorum met: " : "No quorum: ") + roll.votingPresent() + " of " + roll.votingSeats()
                    + " voting seat" + (roll.votingSeats() == 1 ? "" : "s") + " present or represented by their alternate.";
        }
    }

    public MeetingPage meeting(UUID boardId, UUID meetingId) {
        AdvisoryApi.Board board = advisory.board(boardId);
        AdvisoryApi.Meeting meeting = advisory.meeting(boardId, meetingId);
        AdvisoryApi.Roll roll = advisory.attendance(boardId, meetingId);
        List<AdvisoryApi.Resolution> resolutions = advisory.resolutions(boardId, meetingId, 100).items();
        AdvisoryApi.Policy policy = advisory.policy(boardId);
        // Names: the board's seats carry the partner's name, the partners' people the holder's.
        List<AdvisoryApi.Seat> seats = advisory.seats(boardId, null, 200).items();
        Map<UUID, AdvisoryApi.Seat> bySeat = new HashMap<>();
        seats.forEach(s -> bySeat.put(s.id(), s));
        List<AdvisoryApi.Seat> expected = new ArrayList<>();
        roll.attendance().forEach(l -> expected.add(bySeat.getOrDefault(l.seatId(), new AdvisoryApi.Seat(l.seatId(), boardId, null,
                l.holderContactId(), l.partnerId(), null, null, null, null, null, null, null, null, null, null))));
        Map<UUID, String> names = boards.holderNames(expected);
        List<AttendanceRow> rows = roll.attendance().stream().map(l -> {
            AdvisoryApi.Seat s = bySeat.get(l.seatId());
            String partner = l.partnerId() == null ? "Personal seat" : s != null && s.partnerName() != null ? s.partnerName() : "Unknown partner";
            boolean voter = roll.quorumMet() != null && "VOTING".equals(l.votingStatus()) && !"ABSENT".equals(l.presence());
            return new AttendanceRow(l, names.getOrDefault(l.holderContactId(), "Unknown contact"), partner, voter);
        }).toList();
        Map<UUID, String> holderBySeat = new HashMap<>();
        rows.forEach(r -> holderBySeat.put(r.line().seatId(), r.holderName() + " (" + r.partnerName() + ")"));
        List<ResolutionRow> resolutionRows = resolutions.stream().map(r -> new ResolutionRow(r, r.votes().stream()
                .map(v -> new VoteRow(holderBySeat.getOrDefault(v.seatId(), "Seat " + v.seatId()), v.vote())).toList())).toList();
        return new MeetingPage(board, meeting, roll, rows, resolutionRows, quorumRule(policy), decisionRule(policy), attendanceRule(policy));
    }

    static String quorumRule(AdvisoryApi.Policy policy) {
        if (policy == null || policy.quorum() == null) {
            return "This board's policy sets no quorum: any attendance makes one.";
        }
        return "Quorum: at least " + fraction(policy.quorum()) + " of the voting seats present; an alternate standing in counts as "
                + "present, a member whose voting is suspended does not count.";
    }

    static String decisionRule(AdvisoryApi.Policy policy) {
        AdvisoryApi.DecisionRule rule = policy == null ? null : policy.decision();
        if (rule == null || rule.fraction() == null) {
            return "A resolution is adopted by more than half of the voting members present.";
        }
        String basis = switch (rule.basis() == null ? "PRESENT" : rule.basis()) {
            case "VOTING_SEATS" -> "of all voting seats";
            case "VOTES_CAST" -> "of the yes and no votes cast";
            default -> "of the voting members present";
        };
        return "A resolution is adopted when " + (rule.strict() ? "more than " : "at least ") + fraction(rule.fraction()) + " " + basis
                + " vote yes; without quorum nothing is decided.";
    }

    static String attendanceRule(AdvisoryApi.Policy policy) {
        AdvisoryApi.AttendanceRule rule = policy == null ? null : policy.attendance();
        if (rule == null || (rule.suspendAfterMissed() == null && rule.minShare() == null)) {
            return "This board's policy never suspends voting for attendance.";
        }
        List<String> parts = new ArrayList<>();
        if (rule.suspendAfterMissed() != null) {
            parts.add("missing " + rule.suspendAfterMissed() + " meetings in a row suspends voting until " + rule.restoreAfterAttended()
                    + " in a row are attended");
        }
        if (rule.minShare() != null) {
            parts.add("members must attend at least " + fraction(rule.minShare()) + " of the meetings within " + rule.windowDays() + " days");
        }
        String text = String.join("; ", parts);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + (rule.alternateCounts()
                ? ". A meeting where the alternate stood in counts as attended." : ". An alternate standing in does not count as attending.");
    }

    private static String fraction(AdvisoryApi.Fraction f) {
        if (f.numerator() == 1 && f.denominator() == 2) {
            return "half";
        }
        return f.numerator() + "/" + f.denominator();
    }

    /**
     * @param choices one per expected seat, {@code seatId:PRESENCE}, as the attendance form's selects send them
     */
    public AdvisoryApi.Roll recordAttendance(UUID boardId, UUID meetingId, List<String> choices) {
        List<AdvisoryApi.PresenceLine> lines = new ArrayList<>();
        for (String choice : choices == null ? List.<String>of() : choices) {
            String[] parts = choice.split(":", 2);
            UUID seat = Forms.uuid("attendance", parts[0]);
            if (parts.length != 2 || !PRESENCES.contains(parts[1])) {
                throw new Forms.InvalidField("attendance", "choose present, absent or alternate for each seat holder");
            }
            lines.add(new AdvisoryApi.PresenceLine(seat, parts[1]));
        }
        return advisory.recordAttendance(boardId, meetingId, new AdvisoryApi.AttendanceSheet(lines));
    }

    /** The resolution form: its title and one vote per voting member present ({@code seatId:VOTE}, or empty: no vote). */
    public record ResolutionForm(String title, List<String> votes) {
        public boolean chose(String value) {
            return votes != null && votes.contains(value);
        }
    }

    public static final Set<String> RESOLUTION_FIELDS = Set.of("title", "votes");

    public AdvisoryApi.Resolution resolve(UUID boardId, UUID meetingId, ResolutionForm form) {
        if (Forms.blankToNull(form.title()) == null) {
            throw new Forms.InvalidField("title", "say what the resolution is");
        }
        List<AdvisoryApi.VoteLine> votes = new ArrayList<>();
        for (String v : form.votes() == null ? List.<String>of() : form.votes()) {
            if (Forms.blankToNull(v) == null) {
                continue;
            }
            String[] parts = v.split(":", 2);
            UUID seat = Forms.uuid("votes", parts[0]);
            if (parts.length != 2 || !VOTES.contains(parts[1])) {
                throw new Forms.InvalidField("votes", "choose yes, no, abstain or no vote for each voting member");
            }
            votes.add(new AdvisoryApi.VoteLine(seat, parts[1]));
        }
        return advisory.resolve(boardId, meetingId, new AdvisoryApi.NewResolution(form.title().strip(), votes));
    }

    public AdvisoryApi.Meeting close(UUID boardId, UUID meetingId, String minutes) {
        return advisory.close(boardId, meetingId, new AdvisoryApi.CloseMeeting(Forms.blankToNull(minutes)));
    }
}
