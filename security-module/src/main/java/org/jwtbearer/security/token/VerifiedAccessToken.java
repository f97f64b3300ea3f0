package org.jwtbearer.security.token;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An access token whose signature and claims have been verified; immutable, and the caller principal of a
 * request that presented it. Claim values keep their JSON types, except the ones MicroProfile JWT defines
 * as sets ({@code aud}, {@code groups}), which are returned as {@code Set<String>}.
 */
public final class VerifiedAccessToken implements JsonWebToken {

    private final String rawToken;
    private final Map<String, Object> claims;

    /** The claims MicroProfile JWT types as {@code Long} (seconds since the epoch): exp, iat, nbf, auth_time, updated_at. */
    private static final Set<String> WHOLE_SECONDS = Set.of(Claims.exp.name(), Claims.iat.name(), Claims.nbf.name(),
            Claims.auth_time.name(), Claims.updated_at.name());

    public VerifiedAccessToken(String rawToken, Map<String, Object> claims) {
        this.rawToken = rawToken;
        this.claims = wholeSeconds(claims);
    }

    /**
     * RFC 7519 lets a NumericDate carry a fraction (the JSON parser then gives a Double), while JsonWebToken's
     * {@code getExpirationTime()} and {@code getIssuedAtTime()} cast to Long: such a value becomes its whole second,
     * rounded down.
     */
    private static Map<String, Object> wholeSeconds(Map<String, Object> claims) {
        Map<String, Object> copy = new java.util.HashMap<>(claims);
        for (String name : WHOLE_SECONDS) {
            if (copy.get(name) instanceof Number n && !(n instanceof Long)) {
                copy.put(name, n instanceof Integer || n instanceof Short || n instanceof Byte ? n.longValue()
                        : (long) Math.floor(n.doubleValue()));
            }
        }
        copy.values().removeIf(java.util.Objects::isNull);
        return Map.copyOf(copy);
    }

    /** {@code upn}, else {@code preferred_username}, else {@code sub} — the MP-JWT rule for the caller name. */
    @Override
    public String getName() {
        return callerName(claims);
    }

    /** The caller name these claims give by the MP-JWT rule, or {@code null} when they name nobody. */
    static String callerName(Map<String, Object> claims) {
        for (String name : List.of(Claims.upn.name(), Claims.preferred_username.name(), Claims.sub.name())) {
            if (claims.get(name) instanceof String value && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new HashSet<>(claims.keySet());
        names.add(Claims.raw_token.name());
        return Set.copyOf(names);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        if (Claims.raw_token.name().equals(claimName)) {
            return (T) rawToken;
        }
        Object value = claims.get(claimName);
        if (Claims.aud.name().equals(claimName) || Claims.groups.name().equals(claimName)) {
            return (T) asStringSet(value);
        }
        return (T) value;
    }

    /**
     * JsonWebToken's default unboxes the claim, a NullPointerException for a token without {@code exp} or {@code iat}
     * (found by AccessTokenFuzzTest: RFC 9068 tokens are accepted without iat). Absent is 0, as ClaimConversion injects
     * an absent claim into a {@code long}.
     */
    @Override
    public long getExpirationTime() {
        return claims.get(Claims.exp.name()) instanceof Long seconds ? seconds : 0;
    }

    /** See {@link #getExpirationTime()}. */
    @Override
    public long getIssuedAtTime() {
        return claims.get(Claims.iat.name()) instanceof Long seconds ? seconds : 0;
    }

    /** The claims as verified, for {@link CachingTokenVerifier} to answer the same token again without its signature work. */
    Map<String, Object> claims() {
        return claims;
    }

    /** The token's scopes ({@code scope}, space separated, RFC 9068 §2.2.3). */
    public Set<String> scopes() {
        if (claims.get("scope") instanceof String scope && !scope.isBlank()) {
            return Set.of(scope.trim().split("\\s+"));
        }
        return Set.of();
    }

    private static Set<String> asStringSet(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return Set.of(s);
        }
        Set<String> set = new LinkedHashSet<>();
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (item instanceof String s) {
                    set.add(s);
                }
            }
        }
        return Set.copyOf(set);
    }

    @Override
    public String toString() {
        return "VerifiedAccessToken[" + getName() + "]";
    }
}
