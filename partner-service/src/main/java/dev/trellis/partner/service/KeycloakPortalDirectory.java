package dev.trellis.partner.service;

import dev.trellis.partner.config.PortalConfig;
import dev.trellis.partner.domain.PortalUser;
import dev.trellis.platform.http.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Partner portal accounts in Keycloak, through its admin API as the service account of {@link PortalConfig#clientId()}.
 * Every failure to talk to Keycloak becomes a problem: 503 when it cannot be reached, 502 when it answers with
 * an error, so that none of its statuses (a 404, a 401 for our own credentials) leaks out as if it were ours.
 */
@ApplicationScoped
public class KeycloakPortalDirectory {
    static final String PARTNER_ATTRIBUTE = "partner_id";
    static final String PARTNER_ROLE = "partner";
    /** A partner has a handful of portal users; the list reads at most this many from Keycloak. */
    static final int MAX_USERS_PER_PARTNER = 1000;
    private static final Logger LOG = Logger.getLogger(KeycloakPortalDirectory.class);

    private final PortalConfig config;
    private volatile Keycloak keycloak;

    public KeycloakPortalDirectory(PortalConfig config) {
        this.config = config;
    }

    /** Outcome of a create: the new user's id, or empty when the username or email is taken. */
    public Optional<String> create(String partnerId, String email, String firstName, String lastName, String password) {
        return call("create the user", () -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(email);
            user.setEmail(email);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEnabled(true);
            user.setEmailVerified(true);
            user.setRequiredActions(List.of("UPDATE_PASSWORD"));
            user.setAttributes(Map.of(PARTNER_ATTRIBUTE, List.of(partnerId)));
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(true);
            user.setCredentials(List.of(credential));
            try (Response response = realm().users().create(user)) {
                if (response.getStatus() == 409) {
                    return Optional.<String>empty();
                }
                if (response.getStatus() != 201) {
                    throw refused("create the user", response.getStatus());
                }
                return Optional.of(CreatedResponseUtil.getCreatedId(response));
            }
        });
    }

    /**
     * Maps the realm role {@code partner}. The role is taken from the roles the service account may map to this
     * user, which needs no {@code view-realm}.
     */
    public void grantPartnerRole(String userId) {
        call("assign the partner role", () -> {
            var roles = realm().users().get(userId).roles().realmLevel();
            RoleRepresentation partner = roles.listAvailable().stream()
                    .filter(role -> PARTNER_ROLE.equals(role.getName())).findFirst()
                    .orElseThrow(() -> new ProblemException(502, "identity-provider-refused", "Identity provider refused",
                            "Keycloak offers no realm role '" + PARTNER_ROLE + "' to assign"));
            roles.add(List.of(partner));
            return null;
        });
    }

    public List<PortalUser> byPartner(String partnerId) {
        return call("list the partner's users", () -> realm().users()
                .searchByAttributes(0, MAX_USERS_PER_PARTNER, null, true, false, PARTNER_ATTRIBUTE + ":" + partnerId)
                .stream()
                .filter(user -> partnerId.equals(partnerOf(user)))
                .map(KeycloakPortalDirectory::toPortalUser)
                .toList());
    }

    /** The user with this id if it belongs to the partner. */
    public Optional<PortalUser> find(String partnerId, String userId) {
        return call("read the user", () -> {
            try {
                UserRepresentation user = realm().users().get(userId).toRepresentation();
                return partnerId.equals(partnerOf(user)) ? Optional.of(toPortalUser(user)) : Optional.<PortalUser>empty();
            } catch (WebApplicationException e) {
                if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                    return Optional.<PortalUser>empty();
                }
                throw e;
            }
        });
    }

    /** Removes a user; true if it was there. */
    public boolean delete(String userId) {
        return call("delete the user", () -> {
            try (Response response = realm().users().delete(userId)) {
                if (response.getStatus() == 404) {
                    return false;
                }
                if (response.getStatus() / 100 != 2) {
                    throw refused("delete the user", response.getStatus());
                }
                return true;
            }
        });
    }

    private static String partnerOf(UserRepresentation user) {
        List<String> values = user.getAttributes() == null ? null : user.getAttributes().get(PARTNER_ATTRIBUTE);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static PortalUser toPortalUser(UserRepresentation user) {
        Instant created = user.getCreatedTimestamp() == null ? null : Instant.ofEpochMilli(user.getCreatedTimestamp());
        return new PortalUser(user.getId(), user.getUsername(), user.getFirstName(), user.getLastName(),
                Boolean.TRUE.equals(user.isEnabled()), created);
    }

    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (ProblemException e) {
            throw e;
        } catch (WebApplicationException e) {
            throw refused(what, e.getResponse() == null ? 0 : e.getResponse().getStatus());
        } catch (RuntimeException e) {
            if (isConnectionFailure(e)) {
                LOG.warnf("Keycloak at %s is unreachable (%s: %s)", config.serverUrl(), what, e.getMessage());
                throw new ProblemException(503, "identity-provider-unavailable", "Identity provider unavailable",
                        "Keycloak cannot be reached to " + what + "; try again later");
            }
            LOG.errorf(e, "Keycloak call failed (%s)", what);
            throw new ProblemException(502, "identity-provider-refused", "Identity provider refused",
                    "Keycloak failed to " + what);
        }
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.util.concurrent.TimeoutException || t instanceof ProcessingException) {
                return true;
            }
        }
        return false;
    }

    private ProblemException refused(String what, int status) {
        LOG.warnf("Keycloak refused to %s: HTTP %d", what, status);
        return new ProblemException(502, "identity-provider-refused", "Identity provider refused",
                "Keycloak answered HTTP " + status + " when asked to " + what);
    }

    private RealmResource realm() {
        Keycloak client = keycloak;
        if (client == null) {
            synchronized (this) {
                if (keycloak == null) {
                    keycloak = KeycloakBuilder.builder()
                            .serverUrl(config.serverUrl())
                            .realm(config.realm())
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .clientId(config.clientId())
                            .clientSecret(config.clientSecret())
                            .build();
                }
                client = keycloak;
            }
        }
        return client.realm(config.realm());
    }

    @PreDestroy
    void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
