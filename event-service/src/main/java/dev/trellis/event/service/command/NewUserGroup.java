package dev.trellis.event.service.command;

import java.util.List;
import java.util.UUID;

/** A user group (chapter) to create; {@code organiserIds} are partner-service contact ids, null for none. */
public record NewUserGroup(String name, String city, String country, List<UUID> organiserIds) {
}
