package org.jwtbearer.issuer.admin;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jwtbearer.issuer.client.RegistryException;
import org.jwtbearer.issuer.keys.IssuerSigningKeys;
import org.jwtbearer.issuer.keys.KeyRing;
import org.jwtbearer.issuer.keys.PublishedKey;
import org.jwtbearer.issuer.keys.RotationOutcome;

/**
 * {@code /admin/signing-keys}: the issuer's signing keys for an operator — kid, state and dates, never private
 * material — and {@code POST /admin/signing-keys/rotate}. Access: the {@code admin} role (web.xml).
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
