package dev.trellis.console.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns every 4xx and 5xx answer of the gateway into an {@link ApiProblem} carrying its problem+json body. */
public class ApiProblemMapper implements ResponseExceptionMapper<ApiProblem> {

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public ApiProblem toThrowable(Response response) {
        ApiProblem.Body body = null;
        try {
            if (response.hasEntity()) {
                body = JSON.readValue(response.readEntity(InputStream.class), ApiProblem.Body.class);
            }
        } catch (Exception unreadable) {
            // A body that is not problem+json (a proxy's HTML page): the status alone still says enough.
        }
        return new ApiProblem(response.getStatus(), body);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
