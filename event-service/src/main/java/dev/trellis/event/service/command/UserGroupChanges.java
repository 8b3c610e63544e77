package dev.trellis.event.service.command;

import java.util.List;
import java.util.UUID;

/**
 * A change of a user group, as a {@code MergePatch<UserGroupChanges>}: only the fields present change; name,
 * city and country cannot be cleared; {@code organiserIds}, when present, replaces the list (null empties it).
 */
public record UserGroupChanges(String name, String city, String country, List<UUID> organiserIds) {
}
