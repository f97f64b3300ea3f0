package org.jwtbearer.security.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jwtbearer.security.config.RevocationListSettings;

/** The HTTP side of fetching the list, against an endpoint on loopback: how it authenticates, what it sends, what it refuses. */
class RevocationListClientTest {

    private static final String EMPTY_LIST = "{\"cursor\":\"7\",\"complete\":true,\"tokens\":[],\"clients\":[],\"users\":[]}";

    private HttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final AtomicReference<String> form = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> answer = new AtomicReference<>(EMPTY_LIST);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/revocations", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            form.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RevocationListClient client(Optional<String> secret) {
        return client(secret, server.getAddress().getPort());
    }

    private static RevocationListClient client(Optional<String> secret, int port) {
        URI url = URI.create("http://127.0.0.1:" + port + "/oauth2/revocations");
        return new RevocationListClient(new RevocationListSettings(url, "rs:1", secret, Duration.ofSeconds(15), Duration.ofSeconds(2), false, 100),
                HttpClient.newHttpClient());
    }

    @Test
    void fetchWhenSecretThenBasicWithFormEncodedIdAndSecretAndTheCursorInTheForm() throws Exception {
        RevocationUpdate update = client(Optional.of("s3cret&odd%")).fetch(Optional.of("1733250000000"));

        assertEquals("7", update.cursor());
        String pair = new String(Base64.getDecoder().decode(authorization.get().substring("Basic ".length())), StandardCharsets.UTF_8);
        assertEquals("rs%3A1:s3cret%26odd%25", pair);
        assertTrue(contentType.get().startsWith("application/x-www-form-urlencoded"));
        assertEquals("since=1733250000000", form.get());
    }

    @Test
    void fetchWhenNoSecretAndNoCursorThenOnlyClientIdInTheForm() throws Exception {
        client(Optional.empty()).fetch(Optional.empty());

        assertEquals(null, authorization.get());
        assertEquals("client_id=rs%3A1", form.get());
    }

    @Test
    void fetchWhenNot200OrMalformedThenRefused() {
        status.set(401);
        assertThrows(IOException.class, () -> client(Optional.of("s")).fetch(Optional.empty()));

        status.set(200);
        answer.set("{\"cursor\":\"7\",\"complete\":true}");
        assertThrows(IOException.class, () -> client(Optional.of("s")).fetch(Optional.empty()));
    }

    @Test
    void fetchWhenNothingListensThenRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThrows(IOException.class, () -> client(Optional.of("s"), closedPort).fetch(Optional.empty()));
    }
}
