package org.jwtbearer.issuer.admin;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jwtbearer.issuer.client.RegistryException;
import org.jwtbearer.issuer.keys.IssuerSigningKeys;
import org.jwtbearer.issuer.keys.KeyRing;
import org.jwtbearer.issuer.keys.PublishedKey;
import org.jwtbearer.issuer.keys.RotationOutcome;
import org.jwtbearer.issuer.keys.WithdrawalOutcome;

/**
 * {@code /admin/signing-keys}: the issuer's signing keys for an operator — kid, state and dates, never private
 * material — {@code POST /admin/signing-keys/rotate} and {@code DELETE /admin/signing-keys/{kid}}. Access: the {@code admin} role (web.xml).
 */
@Path("admin/signing-keys")
@ApplicationScoped
public class SigningKeysResource {

    @Inject
    IssuerSigningKeys keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return ok(listing(keys.keys()).build());
    }

    /**
     * Rotates: 200 with the keys after it, or 409 with the reason nothing changed (keystore keys, a next key
     * published too recently without {@code force=true}, or another rotation at the same moment).
     */
    @POST
    @Path("rotate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rotate(@QueryParam("force") boolean force) {
        RotationOutcome outcome = keys.rotate(force);
        if (outcome instanceof RotationOutcome.Rotated rotated) {
            return ok(listing(rotated.keys())
                    .add("retired", rotated.retiredKid())
                    .add("current", rotated.currentKid())
                    .add("next", rotated.nextKid())
                    .build());
        }
        throw new RegistryException(RegistryException.Kind.CONFLICT, ((RotationOutcome.Refused) outcome).reason());
    }

    /**
     * Withdraws a retired or next key from the JWKS now — for a key that must not be trusted any longer. 200 with
     * the keys after it; 404 for an unknown kid; 409 for the current key (rotate first) or with keystore keys.
     * Other nodes follow within the registry cache time, resource servers at their next JWKS fetch.
     */
    @DELETE
    @Path("{kid}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response withdraw(@PathParam("kid") String kid) {
        if (!org.jwtbearer.issuer.support.Storable.text(kid)) {
            throw RegistryException.notFound("signing key " + kid.replace('\u0000', '?')); // no key's, and no query for it
        }
        WithdrawalOutcome outcome = keys.withdraw(kid);
        if (outcome instanceof WithdrawalOutcome.Withdrawn withdrawn) {
            return ok(listing(withdrawn.keys()).add("withdrawn", kid).build());
        }
        if (outcome instanceof WithdrawalOutcome.Refused refused) {
            throw new RegistryException(RegistryException.Kind.CONFLICT, refused.reason());
        }
        throw RegistryException.notFound("signing key " + kid);
    }

    private JsonObjectBuilder listing(KeyRing ring) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (PublishedKey key : ring.keys()) {
            JsonObjectBuilder entry = Json.createObjectBuilder()
                    .add("kid", key.kid())
                    .add("state", key.state().name())
                    .add("algorithm", key.algorithm());
            addTime(entry, "created", key.created());
            addTime(entry, "activated", key.activated());
            addTime(entry, "retire_until", key.retireUntil());
            array.add(entry);
        }
        return Json.createObjectBuilder()
                .add("source", keys.managed() ? "managed" : "keystore")
                .add("keys", array);
    }

    private static void addTime(JsonObjectBuilder entry, String name, Instant time) {
        if (time != null) {
            entry.add(name, time.toString());
        }
    }

    private static Response ok(jakarta.json.JsonObject body) {
        return AdminJson.result(200, body, null);
    }
}
