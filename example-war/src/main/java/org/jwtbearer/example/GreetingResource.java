package org.jwtbearer.example;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jwtbearer.security.authorization.RequiresScope;

/**
 * Greetings for the callers of the issuer. Every method needs a token with the {@code useraccount} scope,
 * except the public one; the roles come from the token's {@code groups}.
 */
@Path("greetings")
@RequestScoped
@RequiresScope("useraccount")
@Produces(MediaType.APPLICATION_JSON)
public class GreetingResource {

    @Inject
    JsonWebToken token;

    /** The container's caller, beside the token: both can be injected in one application. */
    @Inject
    Principal caller;

    @Inject
    @Claim(standard = Claims.upn)
    String userName;

    @Inject
    @Claim("groups")
    Set<String> groups;

    @Inject
    @Claim(standard = Claims.exp)
    long expiresAt;

    @Inject
    @Claim("iat")
    Long issuedAt;

    @Inject
    @Claim("scope")
    ClaimValue<String> scope;

    @Inject
    @Claim("email")
    Optional<String> email;

    @Inject
    @Claim("client_id")
    JsonString clientId;

    @Inject
    @Claim("groups")
    JsonArray groupsAsJson;

    @Inject
    @Claim(standard = Claims.sub)
    Provider<String> subject;

    @Inject
    Visits visits;

    /** Anyone, with or without a token. */
    @GET
    @PermitAll
    public JsonObject hello() {
        String name = token.getName();
        return Json.createObjectBuilder().add("greeting", "Hello, " + (name == null ? "stranger" : name)).build();
    }

    /** What the token says about its caller, as the application sees it through {@code @Claim}. */
    @GET
    @Path("me")
    public JsonObject me() {
        JsonObjectBuilder me = Json.createObjectBuilder()
                .add("upn", userName)
                .add("name", token.getName())
                .add("principal", caller.getName())
                .add("groups", Json.createArrayBuilder(groups.stream().sorted().toList()))
                .add("groupsJson", groupsAsJson)
                .add("exp", expiresAt)
                .add("iat", issuedAt == null ? -1 : issuedAt)
                .add("scope", scope.getValue())
                .add("email", email.orElse("(none)"))
                .add("client_id", clientId)
                .add("sub", subject.get())
                .add("visits", visits.count());
        return me.build();
    }

    /** A form post, signed by its caller. */
    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public JsonObject note(@FormParam("text") String text) {
        return Json.createObjectBuilder().add("from", userName).add("text", text == null ? "" : text).build();
    }

    @GET
    @Path("team")
    @RolesAllowed({"itil", "admin"})
    public JsonObject team() {
        return Json.createObjectBuilder().add("greeting", "Hello, colleague " + userName).build();
    }

    @DELETE
    @Path("visits")
    @RolesAllowed("admin")
    public JsonObject forgetVisits() {
        return Json.createObjectBuilder().add("forgotten", visits.forget()).build();
    }

    @GET
    @Path("never")
    @DenyAll
    public JsonObject never() {
        return Json.createObjectBuilder().add("greeting", "nobody sees this").build();
    }
}
