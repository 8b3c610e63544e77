package dev.trellis.archfixture.bad.service;

import dev.trellis.archfixture.bad.domain.Thing;
import dev.trellis.archfixture.bad.rest.dto.ThingRequest;
import dev.trellis.platform.http.ProblemException;

/** Takes a rest.dto type and throws an HTTP exception: what the rules exist to refuse. */
public class ThingService {
    public Thing rename(ThingRequest request) {
        if (request.name() == null) {
            throw ProblemException.badRequest("name", "is required");
        }
        return new Thing(request.name());
    }
}
