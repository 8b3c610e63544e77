package dev.trellis.gateway.upstream;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each upstream's state in the gateway's readiness, as data: {@code UP}, or {@code DOWN} with the
 * reason, plus its circuit breaker when that is not closed. The check itself stays UP while a service
 * is down: the gateway still serves every other service (and answers the down one's paths with a fast
 * 503), so taking it out of rotation would turn one outage into a total one. Liveness never looks at
 * upstreams at all.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final Upstreams upstreams;

    UpstreamReadiness(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<RouteTable.Upstream> services = upstreams.routes().upstreams();
        List<Future<String>> states = new ArrayList<>();
        for (RouteTable.Upstream service : services) {
            states.add(upstreams.getManagement(service, "/q/health/ready", TIMEOUT)
                    .map(response -> response.status() == 200 ? "UP" : "DOWN (readiness answered HTTP " + response.status() + ")")
                    .otherwise(failure -> "DOWN (" + reason(failure) + ")")
                    .map(state -> withBreaker(state, upstreams.breaker(service))));
        }
        Future<HealthCheckResponse> response = Future.join(states).transform(done -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("Upstream services").up();
            for (int i = 0; i < services.size(); i++) {
                builder.withData(services.get(i).name(), states.get(i).result());
            }
            return Future.succeededFuture(builder.build());
        });
        return Uni.createFrom().completionStage(response.toCompletionStage());
    }

    private static String withBreaker(String state, CircuitBreaker breaker) {
        CircuitBreaker.State breakerState = breaker.state();
        return breakerState == CircuitBreaker.State.CLOSED ? state
                : state + ", circuit breaker " + breakerState.name().toLowerCase().replace('_', '-');
    }

    /** A short cause without addresses: this endpoint is public. */
    private static String reason(Throwable failure) {
        if (failure instanceof java.net.ConnectException) {
            return "not reachable";
        }
        if (failure instanceof java.util.concurrent.TimeoutException) {
            return "no answer within " + TIMEOUT.toMillis() + " ms";
        }
        return failure.getClass().getSimpleName();
    }
}
