package org.jwtbearer.issuer.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jwtbearer.issuer.client.RegisteredClient;
import org.jwtbearer.issuer.config.IssuerSettings;
import org.jwtbearer.issuer.keys.IssuerSigningKeys;
import org.jwtbearer.issuer.user.User;
import org.jwtbearer.security.assertion.JwtSigner;

/** Mints RFC 9068 JWT access tokens ({@code typ: at+jwt}) signed with the issuer's current key. */
@ApplicationScoped
public class AccessTokenIssuer {

    public static final String TOKEN_TYPE = "at+jwt";

    @Inject
    IssuerSettings settings;

    @Inject
    IssuerSigningKeys keys;

    /** An issued token and when it expires (epoch seconds). */
    public record IssuedToken(String value, String jti, long expiresAt) {
    }

    public IssuedToken issue(RegisteredClient client, User user, String scope, Instant now) {
        long issuedAt = now.getEpochSecond();
        long expiresAt = issuedAt + client.accessTokenLifespan().toSeconds();
        String jti = UUID.randomUUID().toString();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(settings.issuer());
        claims.setSubject(user.sysId());
        claims.setAudience(settings.audience());
        claims.setClaim("client_id", client.clientId());
        claims.setClaim("scope", scope);
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt));
        claims.setJwtId(jti);
        claims.setClaim("groups", new ArrayList<>(user.roles().stream().sorted().toList()));
        claims.setClaim("upn", user.userName());
        if (user.name() != null) {
            claims.setClaim("name", user.name());
        }
        return new IssuedToken(JwtSigner.sign(claims, keys.current(), TOKEN_TYPE), jti, expiresAt);
    }
}
