package org.jwtbearer.security.claims;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code @Inject @Claim("…")} (or {@code @Claim(standard = Claims.…)}) of the current token's claims, as
 * MicroProfile JWT defines it. The plain types are read once, when the bean is created, so they belong in
 * request-scoped beans (JAX-RS resources are); {@link ClaimValue} and {@code Provider} read the claim anew on
 * each call and may be held by any bean. Every producer is {@code @Typed} to exactly its type, so
 * {@code @Claim JsonValue} and {@code @Claim JsonString} are never ambiguous.
 */
@ApplicationScoped
public class ClaimProducers {

    @Inject
    JsonWebToken token;

    private Object claim(InjectionPoint injectionPoint) {
        String name = ClaimNames.of(injectionPoint);
        return ClaimConversion.convert(name, token.getClaim(name), injectionPoint.getType());
    }

    @Produces
    @Claim
    @Typed(String.class)
    String stringClaim(InjectionPoint injectionPoint) {
        return (String) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Long.class)
    Long longClaim(InjectionPoint injectionPoint) {
        return (Long) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Boolean.class)
    Boolean booleanClaim(InjectionPoint injectionPoint) {
        return (Boolean) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Double.class)
    Double doubleClaim(InjectionPoint injectionPoint) {
        return (Double) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(Set.class)
    @SuppressWarnings("unchecked")
    Set<String> stringSetClaim(InjectionPoint injectionPoint) {
        return (Set<String>) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(JsonValue.class)
    JsonValue jsonValueClaim(InjectionPoint injectionPoint) {
        return (JsonValue) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(JsonString.class)
    JsonString jsonStringClaim(InjectionPoint injectionPoint) {
        return (JsonString) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(JsonNumber.class)
    JsonNumber jsonNumberClaim(InjectionPoint injectionPoint) {
        return (JsonNumber) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(JsonArray.class)
    JsonArray jsonArrayClaim(InjectionPoint injectionPoint) {
        return (JsonArray) claim(injectionPoint);
    }

    @Produces
    @Claim
    @Typed(JsonObject.class)
    JsonObject jsonObjectClaim(InjectionPoint injectionPoint) {
        return (JsonObject) claim(injectionPoint);
    }

    @Produces
    @Claim
    @SuppressWarnings("unchecked")
    <T> Optional<T> optionalClaim(InjectionPoint injectionPoint) {
        return (Optional<T>) claim(injectionPoint);
    }

    @Produces
    @Claim
    <T> ClaimValue<T> claimValue(InjectionPoint injectionPoint) {
        Type valueType = injectionPoint.getType() instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
        return new TokenClaimValue<>(ClaimNames.of(injectionPoint), valueType, () -> token);
    }
}
