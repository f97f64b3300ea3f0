package org.jwtbearer.issuer.grant;

import java.util.Optional;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jwtbearer.security.jose.CompactJws;
import org.jwtbearer.security.jose.JwsRejectedException;

/**
 * A {@code client_assertion} (RFC 7523 §2.2), parsed under the same header rules as a grant assertion but not
 * yet verified: its {@code sub} may only choose whose keys to try.
 */
public final class ClientAssertion {

    /** The only {@code client_assertion_type} this server accepts (RFC 7523 §2.2). */
    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final CompactJws jws;
    private final JwtClaims unverifiedClaims;

    private ClientAssertion(CompactJws jws, JwtClaims unverifiedClaims) {
        this.jws = jws;
        this.unverifiedClaims = unverifiedClaims;
    }

    /** Every refusal here is the generic {@code invalid_client}; the precise reason goes to the audit log. */
    public static ClientAssertion parse(String compact) {
        try {
            CompactJws jws = CompactJws.parse(compact, JwtBearerGrant.MAX_ASSERTION_LENGTH);
            return new ClientAssertion(jws, JwtClaims.parse(jws.payload()));
        } catch (JwsRejectedException e) {
            throw ClientAuthenticator.failed("client_assertion_" + e.reason());
        } catch (InvalidJwtException e) {
            throw ClientAuthenticator.failed("client_assertion_payload_malformed");
        }
    }

    CompactJws jws() {
        return jws;
    }

    /** The claims, trustworthy only once {@link ClientAssertionVerifier} has verified the signature. */
    JwtClaims claims() {
        return unverifiedClaims;
    }

    /** The client the assertion says it authenticates (its {@code sub}), unverified. */
    public Optional<String> unverifiedSubject() {
        return unverifiedClaims.getClaimValue("sub") instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    }
}
