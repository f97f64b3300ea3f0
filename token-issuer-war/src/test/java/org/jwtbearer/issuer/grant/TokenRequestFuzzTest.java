package org.jwtbearer.issuer.grant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

import org.junit.jupiter.api.Timeout;
import org.jwtbearer.issuer.endpoint.FormParameters;
import org.jwtbearer.issuer.endpoint.TokenRequestReader;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the token endpoint's reading of a request and of the grant behind it: the raw
 * form body, the {@code Authorization} header (Basic or not), the client credentials and assertion they carry.
 * The only refusal is an {@link OAuthException} with an error code and a reason (a 400 or 401 answer); any other
 * exception would be a 500. Introspection and revocation read their forms and credentials with the same code.
 * Seeds and kept findings: {@code src/test/resources/org/jwtbearer/issuer/grant/TokenRequestFuzzTestInputs}.
 */
class TokenRequestFuzzTest {

    private static final String HEADER = "{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}";

    /** The input's first line is the Authorization header (none when empty), the rest the form body as sent. */
    @FuzzTest
    @Timeout(10)
    void tokenRequest(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String authorization = newline < 0 ? text : text.substring(0, newline);
        String body = newline < 0 ? "" : text.substring(newline + 1);
        handledOrRefused(body, authorization.isEmpty() ? null : authorization);
    }

    /**
     * The input is the claims of an assertion that the registered client's key signs, so the claim rules, the
     * user lookup and the scope decision are fuzzed too, past the signature a random assertion never gets through.
     */
    @FuzzTest
    @Timeout(10)
    void signedAssertion(byte[] claims) {
        String body = "grant_type=" + URLEncoder.encode(JwtBearerGrant.GRANT_TYPE, StandardCharsets.UTF_8)
                + "&assertion=" + signed(claims) + "&scope=useraccount";
        handledOrRefused(body, null);
    }

    private static void handledOrRefused(String body, String authorization) {
        // A fresh grant each time: the replay store and the throttle keep state, and a finding must replay alone.
        GrantHarness harness = new GrantHarness();
        try {
            TokenResult issued = harness.handle(TokenRequestReader.read(FormParameters.parse(body), authorization, GrantHarness.NOW));
            assertNotNull(issued.accessToken());
        } catch (OAuthException refused) {
            assertNotNull(refused.error(), "a refusal has an OAuth error code");
            assertNotNull(refused.reason(), "a refusal names its reason for the audit log");
            assertFalse(refused.description() == null || refused.description().isBlank(), "a refusal has a description");
        }
    }

    private static String signed(byte[] claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = base64.encodeToString(HEADER.getBytes(StandardCharsets.UTF_8)) + "." + base64.encodeToString(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(TestClients.KEY.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
