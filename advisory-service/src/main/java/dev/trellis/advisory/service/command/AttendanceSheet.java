package dev.trellis.advisory.service.command;

import dev.trellis.advisory.domain.policy.Presence;
import dev.trellis.platform.domain.InvalidInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who attended a meeting, per seat; an expected seat left out was absent. */
public record AttendanceSheet(List<Line> attendance) {
    public record Line(UUID seatId, Presence presence) {
    }

    public AttendanceSheet {
        attendance = List.copyOf(attendance);
    }

    public static AttendanceSheet of(Map<UUID, Presence> presence) {
        return new AttendanceSheet(presence.entrySet().stream().map(e -> new Line(e.getKey(), e.getValue())).toList());
    }

    /** @throws InvalidInput on {@code attendance} when a seat is listed twice */
    public Map<UUID, Presence> bySeat() {
        Map<UUID, Presence> presence = new LinkedHashMap<>();
        for (Line line : attendance) {
            if (presence.put(line.seatId(), line.presence()) != null) {
                throw InvalidInput.field("attendance", "seat " + line.seatId() + " is listed twice");
            }
        }
        return presence;
    }
}
