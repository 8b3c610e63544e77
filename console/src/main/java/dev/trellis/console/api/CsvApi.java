package dev.trellis.console.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The API's list routes asked for CSV ({@code Accept: text/csv}): the services' own export of the whole filtered list
 * (platform's {@code CsvExports}: header row, formula cells neutralised, named {@code <list>-<date>.csv}). A route is
 * named by its path segments under {@code /api}; which routes the console asks is decided by {@code service.CsvViews}.
 */
@RegisterRestClient(configKey = "api")
@RegisterProvider(BearerTokenPropagation.class)
@RegisterProvider(ApiProblemMapper.class)
@Path("/api")
@Produces("text/csv")
public interface CsvApi {

    @GET
    @Path("/{a}")
    RestResponse<byte[]> list(@PathParam("a") String a, @RestQuery MultivaluedMap<String, String> filters);

    @GET
    @Path("/{a}/{b}")
    RestResponse<byte[]> list(@PathParam("a") String a, @PathParam("b") String b,
            @RestQuery MultivaluedMap<String, String> filters);

    @GET
    @Path("/{a}/{b}/{c}")
    RestResponse<byte[]> list(@PathParam("a") String a, @PathParam("b") String b, @PathParam("c") String c,
            @RestQuery MultivaluedMap<String, String> filters);

    @GET
    @Path("/{a}/{b}/{c}/{d}")
    RestResponse<byte[]> list(@PathParam("a") String a, @PathParam("b") String b, @PathParam("c") String c,
            @PathParam("d") String d, @RestQuery MultivaluedMap<String, String> filters);
}
