package dev.trellis.partner.service;

import dev.trellis.partner.config.PortalConfig;
import dev.trellis.partner.domain.ApiClient;
import dev.trellis.partner.domain.ApiClientCreated;
import dev.trellis.partner.domain.Partner;
import dev.trellis.partner.service.KeycloakPortalDirectory.MachineClientRegistration;
import dev.trellis.partner.service.command.CreateApiClient;
import dev.trellis.platform.domain.NotFound;
import dev.trellis.platform.paging.Cursor;
import dev.trellis.platform.paging.Page;
import dev.trellis.platform.paging.PageRequest;
import dev.trellis.platform.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Partners' machine clients: Keycloak clients for the client-credentials grant whose tokens act as the partner
 * (realm role {@code partner}, {@code partner_id}), registered by partner-service and recorded in
 * {@code partner_api_client}. Only recorded clients are listed or revoked, each only under its own partner. Keycloak
 * and the database share no transaction: a client whose row cannot be written is deleted again; a revocation
 * deletes the Keycloak client inside the transaction that deletes the row, so a refusal leaves the row, and only a
 * commit failure after the delete leaves a row without a client (logged; Keycloak then refuses its registration token,
 * so revoking it again answers 502 and the row is deleted by hand, docs/operations.md).
 */
@ApplicationScoped
public class ApiClientService {
    /** Keycloak's clientId of a machine client: this prefix and the row's id. */
    static final String CLIENT_ID_PREFIX = "partner-api-";
    private static final Logger LOG = Logger.getLogger(ApiClientService.class);

    private final KeycloakPortalDirectory directory;
    private final PortalConfig config;

    public ApiClientService(KeycloakPortalDirectory directory, PortalConfig config) {
        this.directory = directory;
        this.config = config;
    }

    /** Registers the client in Keycloak and records it; the secret is in the outcome only. */
    public ApiClientCreated create(UUID partnerId, CreateApiClient command, Caller caller) {
        String createdBy = caller.requireUsername();
        requirePartner(partnerId);
        UUID id = UUID.randomUUID();
        String clientId = CLIENT_ID_PREFIX + id;
        String name = command.name().strip();
        MachineClientRegistration registration =
                directory.register(clientId, name, partnerId.toString(), config.machineClientAudience());
        try {
            ApiClient client = QuarkusTransaction.requiringNew().call(() -> {
                ApiClient row = new ApiClient();
                row.id = id;
                row.partnerId = partnerId;
                row.clientId = clientId;
                row.name = name;
                row.registrationToken = registration.registrationToken();
                row.createdBy = createdBy;
                row.persist();
                return row;
            });
            return new ApiClientCreated(client, registration.secret());
        } catch (RuntimeException e) {
            try {
                directory.unregister(clientId, registration.registrationToken());
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** One page of the partner's machine clients, oldest first, by (createdAt, id). */
    public Page<ApiClient> list(UUID partnerId, PageRequest page) {
        requirePartner(partnerId);
        Cursor after = page.decodedCursor(2);
        List<ApiClient> fetched = QuarkusTransaction.requiringNew().call(() -> after == null
                ? ApiClient.<ApiClient>find("partnerId = ?1 order by createdAt, id", partnerId)
                        .page(0, page.fetchSize()).list()
                : ApiClient.<ApiClient>find("partnerId = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) "
                                + "order by createdAt, id", partnerId, after.instant(0), after.uuid(1))
                        .page(0, page.fetchSize()).list());
        return Page.of(fetched, page, client -> Cursor.of(client.createdAt, client.id), client -> client);
    }

    /**
     * Deletes the Keycloak client, so that it gets no more tokens (those it has work until they expire), and its row;
     * 404 unless it is one of this partner's machine clients.
     */
    public void revoke(UUID partnerId, String clientId, Caller caller) {
        caller.requireUsername();
        requirePartner(partnerId);
        boolean[] deleted = {false};
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ApiClient client = ApiClient.<ApiClient>find("partnerId = ?1 and clientId = ?2", partnerId, clientId)
                        .firstResult();
                if (client == null) {
                    throw NotFound.of("Machine client", clientId);
                }
                client.delete();
                deleted[0] = directory.unregister(client.clientId, client.registrationToken);
                if (!deleted[0]) {
                    LOG.warnf("Machine client %s of partner %s was already gone from Keycloak; its record is removed",
                            clientId, partnerId);
                }
            });
        } catch (RuntimeException e) {
            if (deleted[0]) {
                LOG.errorf(e, "Machine client %s of partner %s was deleted in Keycloak but its record was not", clientId,
                        partnerId);
            }
            throw e;
        }
    }

    private static void requirePartner(UUID partnerId) {
        boolean exists = QuarkusTransaction.requiringNew().call(() -> Partner.findById(partnerId) != null);
        if (!exists) {
            throw NotFound.of("Partner", partnerId);
        }
    }
}
