package org.jwtbearer.security.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimLiteral;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.Claims;
import org.jwtbearer.security.token.VerifiedAccessToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @Inject @Claim} of each type MicroProfile JWT defines, through the producers as CDI calls them. */
class ClaimProducersTest {

    private final ClaimProducers producers = new ClaimProducers();

    @BeforeEach
    void token() {
        producers.token = new VerifiedAccessToken("raw.token.value", Map.of(
                "upn", "alice", "sub", "0123", "exp", 1_900_000_000L, "ratio", 0.5, "admin", true,
                "groups", List.of("itil", "admin"), "aud", "https://api.example.com",
                "address", Map.of("city", "Lisbon"), "scope", "useraccount read"));
    }

    private static InjectionPoint at(Type type, Claim claim) {
        return (InjectionPoint) Proxy.newProxyInstance(ClaimProducersTest.class.getClassLoader(), new Class<?>[] {InjectionPoint.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getType" -> type;
                    case "getQualifiers" -> Set.<Annotation>of(claim);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Claim named(String name) {
        return new ClaimLiteral(name);
    }

    @Test
    void stringClaimByNameOrStandard() {
        assertEquals("alice", producers.stringClaim(at(String.class, named("upn"))));
        assertEquals("alice", producers.stringClaim(at(String.class, new ClaimLiteral(Claims.upn))));
        assertEquals("raw.token.value", producers.stringClaim(at(String.class, new ClaimLiteral(Claims.raw_token))));
        assertNull(producers.stringClaim(at(String.class, named("email"))));
    }

    @Test
    void stringOfANonStringClaimIsItsJsonText() {
        assertEquals("1900000000", producers.stringClaim(at(String.class, named("exp"))));
        assertEquals("true", producers.stringClaim(at(String.class, named("admin"))));
    }

    @Test
    void longAndPrimitiveLong() {
        assertEquals(1_900_000_000L, producers.longClaim(at(Long.class, named("exp"))));
        assertEquals(1_900_000_000L, producers.longClaim(at(long.class, new ClaimLiteral(Claims.exp))));
        assertNull(producers.longClaim(at(Long.class, named("iat"))));
        assertEquals(0L, producers.longClaim(at(long.class, named("iat"))));
    }

    @Test
    void booleanAndDouble() {
        assertTrue(producers.booleanClaim(at(Boolean.class, named("admin"))));
        assertFalse(producers.booleanClaim(at(boolean.class, named("email_verified"))));
        assertNull(producers.booleanClaim(at(Boolean.class, named("email_verified"))));
        assertEquals(0.5, producers.doubleClaim(at(Double.class, named("ratio"))));
        assertEquals(1.9e9, producers.doubleClaim(at(double.class, named("exp"))));
    }

    @Test
    void stringSets() {
        Type setOfStrings = new TypeLiteral<Set<String>>() { }.getType();
        assertEquals(Set.of("itil", "admin"), producers.stringSetClaim(at(setOfStrings, new ClaimLiteral(Claims.groups))));
        assertEquals(Set.of("https://api.example.com"), producers.stringSetClaim(at(setOfStrings, named("aud"))));
        assertNull(producers.stringSetClaim(at(setOfStrings, named("amr"))));
    }

    @Test
    void jsonTypes() {
        assertEquals("alice", producers.jsonStringClaim(at(JsonString.class, named("upn"))).getString());
        assertEquals(1_900_000_000L, producers.jsonNumberClaim(at(JsonNumber.class, named("exp"))).longValueExact());
        JsonArray groups = producers.jsonArrayClaim(at(JsonArray.class, named("groups")));
        assertEquals(Set.of("itil", "admin"), Set.copyOf(groups.getValuesAs(JsonString::getString)));
        JsonObject address = producers.jsonObjectClaim(at(JsonObject.class, named("address")));
        assertEquals("Lisbon", address.getString("city"));
        assertEquals(JsonValue.TRUE, producers.jsonValueClaim(at(JsonValue.class, named("admin"))));
        assertNull(producers.jsonStringClaim(at(JsonString.class, named("email"))));
    }

    @Test
    void optionals() {
        assertEquals(Optional.of("alice"), producers.optionalClaim(at(new TypeLiteral<Optional<String>>() { }.getType(), named("upn"))));
        assertEquals(Optional.of(1_900_000_000L), producers.optionalClaim(at(new TypeLiteral<Optional<Long>>() { }.getType(), named("exp"))));
        assertEquals(Optional.empty(), producers.optionalClaim(at(new TypeLiteral<Optional<String>>() { }.getType(), named("email"))));
        Optional<Object> json = producers.optionalClaim(at(new TypeLiteral<Optional<JsonString>>() { }.getType(), named("upn")));
        assertEquals("alice", ((JsonString) json.orElseThrow()).getString());
    }

    @Test
    void claimValueReadsTheCurrentTokenEachTime() {
        ClaimValue<Object> upn = producers.claimValue(at(new TypeLiteral<ClaimValue<String>>() { }.getType(), named("upn")));
        assertEquals("upn", upn.getName());
        assertEquals("alice", upn.getValue());

        producers.token = new VerifiedAccessToken("other", Map.of("upn", "bob"));
        assertEquals("bob", upn.getValue());
        producers.token = new VerifiedAccessToken(null, Map.of());
        assertNull(upn.getValue());
    }

    @Test
    void claimValueOfOptionalAndOfSet() {
        ClaimValue<Object> exp = producers.claimValue(at(new TypeLiteral<ClaimValue<Optional<Long>>>() { }.getType(), named("exp")));
        assertEquals(Optional.of(1_900_000_000L), exp.getValue());
        ClaimValue<Object> missing = producers.claimValue(at(new TypeLiteral<ClaimValue<Optional<Long>>>() { }.getType(), named("iat")));
        assertEquals(Optional.empty(), missing.getValue());
        ClaimValue<Object> groups = producers.claimValue(at(new TypeLiteral<ClaimValue<Set<String>>>() { }.getType(), named("groups")));
        assertEquals(Set.of("itil", "admin"), groups.getValue());
    }

    @Test
    void whenClaimHasAnotherJsonTypeThenClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> producers.longClaim(at(Long.class, named("upn"))));
        assertTrue(e.getMessage().contains("'upn' is a string"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> producers.booleanClaim(at(Boolean.class, named("exp"))));
        assertThrows(IllegalStateException.class, () -> producers.jsonStringClaim(at(JsonString.class, named("exp"))));
        assertThrows(IllegalStateException.class, () -> producers.longClaim(at(Long.class, named("ratio"))));
    }

    @Test
    void whenClaimNamedTwiceDifferentlyOrNotAtAllThenClearError() {
        assertThrows(IllegalStateException.class, () -> producers.stringClaim(at(String.class, new ClaimLiteral())));
        Claim both = new BothLiteral();
        assertThrows(IllegalStateException.class, () -> producers.stringClaim(at(String.class, both)));
    }

    @SuppressWarnings("all")
    private static final class BothLiteral extends AnnotationLiteral<Claim> implements Claim {
        @Override
        public String value() {
            return "sub";
        }

        @Override
        public Claims standard() {
            return Claims.upn;
        }
    }
}
