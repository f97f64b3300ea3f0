package org.jwtbearer.security.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.jwtbearer.security.token.InvalidTokenException;
import org.jwtbearer.security.token.TokenCheckUnavailableException;
import org.jwtbearer.security.token.TokenVerifier;

/** The mechanism when the verifier cannot decide now: 503 with Retry-After, neither a login nor an invalid_token. */
class BearerAuthenticationMechanismTest {

    private static final String DETAIL = "The access token's revocation status cannot be checked right now; try again shortly";

    private final Map<String, String> headers = new HashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status;

    private static <T> T fake(Class<T> type, java.lang.reflect.InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(BearerAuthenticationMechanismTest.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private BearerAuthenticationMechanism mechanism(TokenVerifier verifier) {
        Config config = fake(Config.class, (proxy, method, args) -> method.getName().equals("getOptionalValue") ? Optional.empty() : null);
        @SuppressWarnings("unchecked")
        Instance<TokenVerifier> instance = fake(Instance.class, (proxy, method, args) -> switch (method.getName()) {
            case "isResolvable" -> true;
            case "get" -> verifier;
            default -> throw new UnsupportedOperationException(method.getName());
        });
        BearerVerification verification = new BearerVerification();
        verification.config = config;
        verification.applicationVerifier = instance;
        verification.init();
        BearerAuthenticationMechanism mechanism = new BearerAuthenticationMechanism();
        mechanism.config = config;
        mechanism.verification = verification;
        mechanism.init();
        return mechanism;
    }

    private HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        return fake(HttpServletResponse.class, (proxy, method, args) -> switch (method.getName()) {
            case "setStatus" -> {
                status = (Integer) args[0];
                yield null;
            }
            case "setHeader" -> {
                headers.put((String) args[0], (String) args[1]);
                yield null;
            }
            case "setContentType" -> {
                headers.put("Content-Type", (String) args[0]);
                yield null;
            }
            case "setContentLength" -> null;
            case "getOutputStream" -> out;
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    private static HttpMessageContext context(boolean protectedResource) {
        return fake(HttpMessageContext.class, (proxy, method, args) -> switch (method.getName()) {
            case "isProtected" -> protectedResource;
            case "isAuthenticationRequest" -> false;
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    @Test
    void validateRequestWhenTokenCannotBeCheckedNowThen503WithRetryAfter() throws Exception {
        for (boolean protectedResource : new boolean[] {true, false}) {
            headers.clear();
            body.reset();
            AuthenticationStatus outcome = mechanism(token -> {
                throw new TokenCheckUnavailableException(DETAIL);
            }).validateRequest(new FakeRequest().header("Authorization", "Bearer abc.def.ghi").build(), response(), context(protectedResource));

            assertEquals(AuthenticationStatus.SEND_FAILURE, outcome);
            assertEquals(503, status);
            assertEquals("5", headers.get("Retry-After"));
            assertEquals("no-store", headers.get("Cache-Control"));
            assertEquals("nosniff", headers.get("X-Content-Type-Options"), "written before any filter could add it");
            assertNull(headers.get("WWW-Authenticate"), "not a challenge: the token was not refused");
            assertEquals("{\"error\":{\"message\":\"Service Unavailable\",\"detail\":\"" + DETAIL + "\"},\"status\":\"failure\"}",
                    body.toString(StandardCharsets.UTF_8));
            assertFalse(body.toString(StandardCharsets.UTF_8).contains("invalid_token"));
        }
    }

    /** A caller who sent a token meant to be known: a bad one is refused on a public resource too, not served as anonymous. */
    @Test
    void validateRequestWhenTokenInvalidThen401WhetherProtectedOrNot() throws Exception {
        for (boolean protectedResource : new boolean[] {true, false}) {
            headers.clear();
            body.reset();
            AuthenticationStatus outcome = mechanism(token -> {
                throw new InvalidTokenException("expired", "The access token expired");
            }).validateRequest(new FakeRequest().header("Authorization", "Bearer abc.def.ghi").build(), response(), context(protectedResource));

            assertEquals(AuthenticationStatus.SEND_FAILURE, outcome, "protected: " + protectedResource);
            assertEquals(401, status);
            assertEquals("Bearer realm=\"jwtbearer\", error=\"invalid_token\", error_description=\"The access token expired\"",
                    headers.get("WWW-Authenticate"));
        }
    }

    @Test
    void validateRequestWhenTokenMalformedThen400WhetherProtectedOrNot() throws Exception {
        for (boolean protectedResource : new boolean[] {true, false}) {
            AuthenticationStatus outcome = mechanism(token -> {
                throw new AssertionError("a malformed request is not verified");
            }).validateRequest(new FakeRequest().header("Authorization", "Bearer a\"b").build(), response(), context(protectedResource));

            assertEquals(AuthenticationStatus.SEND_FAILURE, outcome, "protected: " + protectedResource);
            assertEquals(400, status);
        }
    }

    /**
     * WildFly takes a refused request as finished only once its body is read; otherwise it logs a stack trace for
     * every unauthenticated POST with a body. The mechanism reads what it refuses, up to the bound.
     */
    @Test
    void validateRequestWhenRefusedWithABodyThenTheBodyIsReadToItsEnd() throws Exception {
        for (boolean lengthUnknown : new boolean[] {false, true}) {
            FakeRequest unauthenticated = new FakeRequest().body("POST", new byte[UnreadBody.MAX_BYTES]);
            unauthenticated.bodyLengthUnknown = lengthUnknown;

            AuthenticationStatus outcome = mechanism(token -> {
                throw new AssertionError("no token was sent");
            }).validateRequest(unauthenticated.build(), response(), context(true));

            assertEquals(AuthenticationStatus.SEND_FAILURE, outcome);
            assertEquals(401, status);
            assertEquals(UnreadBody.MAX_BYTES, unauthenticated.bodyBytesRead, "chunked: " + lengthUnknown);
            assertNull(headers.get("Connection"));
        }
    }

    @Test
    void validateRequestWhenRefusedWithABodyBeyondTheBoundThenNotReadAndTheConnectionClosed() throws Exception {
        FakeRequest unauthenticated = new FakeRequest().header("Authorization", "Bearer abc.def.ghi")
                .body("PATCH", new byte[UnreadBody.MAX_BYTES + 1]);

        mechanism(token -> {
            throw new InvalidTokenException("expired", "The access token expired");
        }).validateRequest(unauthenticated.build(), response(), context(true));

        assertEquals(401, status);
        assertEquals(0, unauthenticated.bodyBytesRead, "a long body is not waited for");
        assertEquals("close", headers.get("Connection"));
    }
}
