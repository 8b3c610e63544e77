package dev.trellis.partner.service;
import java.time.LocalDate; import java.util.Collection; import java.util.Set; import java.util.UUID;
/** Which of these contacts held an executive role (EXECUTIVE_SPONSOR) at this partner on that date. */
public interface ExecutiveAttendees {
    Set<UUID> executives(UUID partnerId, Collection<UUID> contactIds, LocalDate on);
}
