package dev.trellis.event.rest.dto;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(example = "{\"registrationId\": \"6f1c2f7e-3b1a-4d5e-9c1a-2b3c4d5e6f70\"}")
public record CheckInRequest(@NotNull UUID registrationId) {
}
