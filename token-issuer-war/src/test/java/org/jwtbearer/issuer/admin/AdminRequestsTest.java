package org.jwtbearer.issuer.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.HttpHeaders;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jwtbearer.issuer.client.RegistryException;

/** Admin request bodies: one JSON object, bounded in size and depth, nothing after it, no member twice. */
class AdminRequestsTest {

    private static HttpHeaders contentType(String type) {
        return (HttpHeaders) Proxy.newProxyInstance(AdminRequestsTest.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> method.getName().equals("getHeaderString") && HttpHeaders.CONTENT_TYPE.equals(args[0]) ? type : null);
    }

    private static String refusal(String body) {
        RegistryException refused = assertThrows(RegistryException.class, () -> AdminRequests.jsonObject(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), contentType("application/json")));
        assertEquals(RegistryException.Kind.INVALID, refused.kind());
        return refused.getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/merge-patch+json", "application/json; charset=UTF-8"})
    void jsonObjectWhenJsonOrMergePatchThenRead(String type) {
        assertEquals("x", AdminRequests.jsonObject(new ByteArrayInputStream("{\"name\":\"x\"} \n".getBytes(StandardCharsets.UTF_8)),
                contentType(type)).getString("name"));
    }

    @ParameterizedTest
    @ValueSource(ints = {AdminRequests.MAX_DEPTH + 1, 1000, 50_000})
    void jsonObjectWhenNestedTooDeepThenInvalidSayingSo(int depth) {
        String deep = "{\"name\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";

        assertEquals("the request body is nested deeper than " + AdminRequests.MAX_DEPTH + " levels", refusal(deep));
    }

    @Test
    void jsonObjectWhenTextAfterTheObjectThenInvalidSayingSo() {
        assertEquals("the request body has text after the end of its JSON value", refusal("{\"description\":\"a\"} xx"));
    }

    @Test
    void jsonObjectWhenMemberTwiceThenInvalid() {
        assertTrue(refusal("{\"active\":true,\"active\":false}").startsWith("the request body is not valid JSON or names a member twice"));
    }

    @Test
    void jsonObjectWhenSyntaxErrorThenSaysWhereWithoutTheParsersInternals() {
        String message = refusal("{\"name\": tru}");

        assertTrue(message.matches("the request body is not valid JSON or names a member twice \\(line 1, column \\d+\\)"), message);
    }

    @Test
    void jsonObjectWhenNotUtf8ThenInvalid() {
        RegistryException refused = assertThrows(RegistryException.class, () -> AdminRequests.jsonObject(
                new ByteArrayInputStream(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}), contentType("application/json")));
        assertEquals("the request body must be UTF-8", refused.getMessage());
    }
}
