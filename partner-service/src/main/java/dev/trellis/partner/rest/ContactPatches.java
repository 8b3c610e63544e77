package dev.trellis.partner.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trellis.partner.rest.dto.ContactPatchRequest;
import dev.trellis.partner.service.ContactEdit;
import dev.trellis.platform.http.Problem;
import dev.trellis.platform.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a JSON merge patch of a contact: which fields were sent (a field sent as null differs from one
 * left out), validated like any request record, and refused outright when it names a field the caller may
 * not change.
 */
@ApplicationScoped
public class ContactPatches {
    static final Set<String> STAFF_FIELDS = Set.of(ContactEdit.FIRST_NAME, ContactEdit.LAST_NAME, ContactEdit.EMAIL,
            ContactEdit.PHONE, ContactEdit.JOB_TITLE);
    static final Set<String> PARTNER_FIELDS = Set.of(ContactEdit.FIRST_NAME, ContactEdit.LAST_NAME,
            ContactEdit.PHONE, ContactEdit.JOB_TITLE);

    private final ObjectMapper json;
    private final Validator validator;

    public ContactPatches(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** @param refusal the status for a field outside {@code allowed}: 400 for staff, 403 for a partner */
    ContactEdit read(JsonNode body, Set<String> allowed, int refusal) throws JsonProcessingException {
        if (!(body instanceof ObjectNode object)) {
            throw ProblemException.badRequest("body", "must be a JSON object with the fields to change");
        }
        Set<String> fields = new HashSet<>();
        List<Problem.FieldError> refused = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (allowed.contains(name)) {
                fields.add(name);
            } else {
                refused.add(new Problem.FieldError(name, "cannot be changed here"));
            }
        }
        if (!refused.isEmpty()) {
            String detail = "Only these fields can be changed here: " + String.join(", ", allowed.stream().sorted().toList());
            throw refusal == 403
                    ? new ProblemException(403, "field-not-editable", "Field not editable", detail, refused)
                    : new ProblemException(400, "invalid-request", "Invalid request", detail, refused);
        }
        ContactPatchRequest patch = json.treeToValue(object, ContactPatchRequest.class);
        Set<ConstraintViolation<ContactPatchRequest>> violations = validator.validate(patch);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return new ContactEdit(fields, patch.firstName(), patch.lastName(), patch.email(), patch.phone(),
                patch.jobTitle());
    }
}
