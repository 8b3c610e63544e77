package dev.trellis.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** insights-service's routes, through the gateway (insights-service/README.md, docs/insights.md). */
@RegisterRestClient(configKey = "api")
@RegisterProvider(BearerTokenPropagation.class)
@RegisterProvider(ApiProblemMapper.class)
@Path("/api/insights")
public interface InsightsApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reason(String code, String observation, int cost, String action) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AtRisk(UUID partnerId, String partnerName, String tier, int score, LocalDate renewalOn, List<Reason> reasons,
            String nextAction) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Day(LocalDate day, int score) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Health(UUID partnerId, int score, List<Reason> reasons, Instant computedAt, List<Day> trend) {
        public List<Day> trend() {
            return trend == null ? List.of() : trend;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Source(String type, String id, String href) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TimelineLine(String id, Instant occurredAt, String kind, String summary, boolean executive, Source source) {
    }

    @GET
    @Path("/at-risk")
    Page<AtRisk> atRisk(@QueryParam("tier") String tier, @QueryParam("renewal-within") String renewalWithin,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/partners/{id}/health")
    Health health(@PathParam("id") UUID partnerId, @QueryParam("days") Integer days);

    @GET
    @Path("/partners/{id}/timeline")
    Page<TimelineLine> timeline(@PathParam("id") UUID partnerId, @QueryParam("kind") String kind, @QueryParam("limit") Integer limit);
}
