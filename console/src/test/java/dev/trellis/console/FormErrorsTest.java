package dev.trellis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trellis.console.api.ApiProblem;
import dev.trellis.console.service.FormErrors;
import dev.trellis.console.service.Forms;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FormErrorsTest {

    private static final Set<String> FIELDS = Set.of("summary", "attendeeContactIds", "nextSteps[0].owner");

    private static ApiProblem problem(int status, List<ApiProblem.FieldError> errors, List<ApiProblem.BrokenRule> rules) {
        return new ApiProblem(status, new ApiProblem.Body("https://trellis.dev/problems/x", "Refused", status, "refused", errors, rules));
    }

    @Test
    void aFieldErrorLandsOnTheFieldOfTheSameName() {
        FormErrors e = FormErrors.of(problem(400, List.of(new ApiProblem.FieldError("nextSteps[0].owner", "must be a staff username")),
                List.of()), FIELDS);
        assertTrue(e.has("nextSteps[0].owner"));
        assertEquals("must be a staff username", e.of("nextSteps[0].owner"));
        assertTrue(e.general().isEmpty());
    }

    @Test
    void anIndexedEntryOfAListLandsOnTheList() {
        FormErrors e = FormErrors.of(problem(400, List.of(new ApiProblem.FieldError("attendeeContactIds[2]", "unknown contact")),
                List.of()), FIELDS);
        assertEquals("unknown contact", e.of("attendeeContactIds"));
    }

    @Test
    void aRuleWhoseDetailNamesAFieldLandsThereAndStaysListed() {
        FormErrors e = FormErrors.of(problem(422, List.of(), List.of(new ApiProblem.BrokenRule("attendee-not-affiliated",
                "attendeeContactIds[0]: not affiliated with the partner on that day"))), FIELDS);
        assertTrue(e.has("attendeeContactIds"));
        assertEquals(1, e.rules().size());
    }

    @Test
    void whatNamesNoFieldOfTheFormGoesToTheSummary() {
        FormErrors e = FormErrors.of(problem(400, List.of(new ApiProblem.FieldError("limit", "too big")), List.of()), FIELDS);
        assertFalse(e.has("limit"));
        assertEquals(List.of("limit: too big"), e.general());
        assertTrue(e.any());
    }

    @Test
    void aProblemWithoutFieldsOrRulesShowsItsDetail() {
        FormErrors e = FormErrors.of(problem(409, List.of(), List.of()), FIELDS);
        assertEquals(List.of("refused"), e.general());
    }

    @Test
    void summaryLinesLinkToTheInputsTheyConcern() {
        FormErrors e = FormErrors.field("nextSteps[0].dueOn", "must be a date");
        assertEquals("f-nextSteps-0-dueOn", e.summary().get(0).anchor());
        assertEquals("f-override-reason", Forms.idOf("override.reason"));
    }

    @Test
    void aDateThatDoesNotParseIsAFieldErrorNotAFailure() {
        Forms.InvalidField invalid = org.junit.jupiter.api.Assertions.assertThrows(Forms.InvalidField.class,
                () -> Forms.date("occurredOn", "31/02/2027"));
        assertTrue(invalid.errors().has("occurredOn"));
    }
}
