package org.jwtbearer.security.mechanism;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@code JsonWebToken} of a caller who sent no token: no name, no claim names, no claims, no raw token, as
 * MicroProfile JWT has it, so an application can tell "nobody" from "somebody with few claims".
 */
final class AnonymousToken implements JsonWebToken {

    static final JsonWebToken INSTANCE = new AnonymousToken();

    private AnonymousToken() {
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public Set<String> getClaimNames() {
        return null;
    }

    @Override
    public <T> T getClaim(String claimName) {
        return null;
    }

    @Override
    public String toString() {
        return "AnonymousToken";
    }
}
