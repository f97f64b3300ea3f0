package org.jwtbearer.issuer.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.HttpHeaders;

import org.junit.jupiter.api.Timeout;
import org.jwtbearer.issuer.bootstrap.BootstrapDocument;
import org.jwtbearer.issuer.client.RegistryException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of what the admin API reads from a request before it touches the registry: the JSON
 * body of a client, a user or a key, and the {@code If-Match} version. The only refusal is a
 * {@link RegistryException} with a message (a 400 with the envelope); any other exception would be a 500.
 * The input's first line is the {@code If-Match} header (none when empty), the rest the body as sent.
 * Seeds and kept findings: {@code src/test/resources/org/jwtbearer/issuer/admin/AdminBodyFuzzTestInputs}.
 */
class AdminBodyFuzzTest {

    @FuzzTest
    @Timeout(10)
    void client(byte[] input) {
        readOrRefused(input, json -> BootstrapDocument.parseClient(json, "client"));
    }

    @FuzzTest
    @Timeout(10)
    void user(byte[] input) {
        readOrRefused(input, json -> BootstrapDocument.parseUser(json, "user"));
    }

    @FuzzTest
    @Timeout(10)
    void key(byte[] input) {
        readOrRefused(input, json -> BootstrapDocument.parseKey(json, "key"));
    }

    /** As the resources do: the body, the definition it states (through their parse), the version it is based on. */
    private static void readOrRefused(byte[] input, Function<JsonObject, ?> definition) {
        int newline = indexOf(input, (byte) '\n');
        String ifMatch = newline < 0 ? "" : new String(input, 0, newline, StandardCharsets.UTF_8);
        byte[] body = newline < 0 ? input : Arrays.copyOfRange(input, newline + 1, input.length);
        HttpHeaders headers = headers(ifMatch.isEmpty() ? null : ifMatch);
        try {
            JsonObject json = AdminRequests.jsonObject(new ByteArrayInputStream(body), headers);
            assertNotNull(ClientsResource.parse(() -> definition.apply(json)));
            AdminRequests.expectedVersion(headers, json, 1);
        } catch (RegistryException refused) {
            assertNotNull(refused.kind());
            assertFalse(refused.getMessage() == null || refused.getMessage().isBlank(), "a refusal says what is wrong");
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** The headers the admin API reads: a JSON content type, and If-Match. */
    private static HttpHeaders headers(String ifMatch) {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderString" -> HttpHeaders.CONTENT_TYPE.equalsIgnoreCase((String) args[0]) ? "application/json"
                            : HttpHeaders.IF_MATCH.equalsIgnoreCase((String) args[0]) ? ifMatch : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
