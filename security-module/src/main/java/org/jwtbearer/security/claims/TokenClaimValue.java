package org.jwtbearer.security.claims;

import java.lang.reflect.Type;
import java.util.function.Supplier;

import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A {@link ClaimValue} that reads the claim from the current request's token each time it is asked, so it
 * may be held by a bean that outlives the request ({@code @ApplicationScoped}), as MicroProfile JWT intends.
 */
final class TokenClaimValue<T> implements ClaimValue<T> {

    private final String name;
    private final Type valueType;
    private final Supplier<JsonWebToken> token;

    TokenClaimValue(String name, Type valueType, Supplier<JsonWebToken> token) {
        this.name = name;
        this.valueType = valueType;
        this.token = token;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T getValue() {
        return (T) ClaimConversion.convert(name, token.get().getClaim(name), valueType);
    }

    @Override
    public String toString() {
        return "ClaimValue[" + name + "=" + getValue() + "]";
    }
}
