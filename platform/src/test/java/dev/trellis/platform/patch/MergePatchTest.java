package dev.trellis.platform.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trellis.platform.domain.InvalidInput;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class MergePatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    public record ProfilePatch(@Size(min = 1) String name, String description) {
        Changes toCommand() {
            return new Changes(name, description);
        }
    }

    public record Changes(String name, String description) {
    }

    @Test
    void absentIsUnchangedAndPresentNullClears() throws Exception {
        MergePatch<Changes> patch = MergePatch.read(JSON.readTree("{\"description\":null}"), ProfilePatch.class, JSON,
                VALIDATOR).map(ProfilePatch::toCommand);
        assertFalse(patch.has("name"));
        assertTrue(patch.has("description"));
        assertEquals("Acme", patch.apply("name", "Acme", Changes::name), "absent: the current value stays");
        assertNull(patch.apply("description", "old text", Changes::description), "present null: cleared");
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> MergePatch.read(JSON.readTree("{\"tier\":\"GOLD\"}"),
                ProfilePatch.class, JSON, VALIDATOR));
        assertEquals("tier", refused.errors().get(0).field());
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertThrows(InvalidInput.class, () -> MergePatch.read(JSON.readTree("[1]"), ProfilePatch.class, JSON, VALIDATOR));
    }

    @Test
    void onlyPresentFieldsAreValidated() throws Exception {
        MergePatch.read(JSON.readTree("{\"description\":\"x\"}"), ProfilePatch.class, JSON, VALIDATOR);
        assertThrows(ConstraintViolationException.class, () -> MergePatch.read(JSON.readTree("{\"name\":\"\"}"),
                ProfilePatch.class, JSON, VALIDATOR));
    }
}
