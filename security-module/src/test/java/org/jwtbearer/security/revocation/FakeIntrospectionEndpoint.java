package org.jwtbearer.security.revocation;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

/**
 * An RFC 7662 endpoint on loopback that behaves like the issuer's: it answers only the client it knows
 * (HTTP Basic, form-encoded id and secret), {@code active} for tokens not revoked. Tests revoke tokens,
 * make it slow, or make it answer something else.
 */
public final class FakeIntrospectionEndpoint implements AutoCloseable {

    public static final String CLIENT_ID = "rs:client";
    public static final String SECRET = "s3cret&odd%chars";

    private final HttpServer server;
    public final AtomicInteger calls = new AtomicInteger();
    public final Set<String> revoked = ConcurrentHashMap.newKeySet();
    final AtomicLong delayMillis = new AtomicLong();
    /** When set, answered instead: status and body. */
    final AtomicReference<Map.Entry<Integer, String>> override = new AtomicReference<>();

    public FakeIntrospectionEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/introspect", exchange -> {
            calls.incrementAndGet();
            Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            sleep(delayMillis.get());
            int status;
            String body;
            if (override.get() != null) {
                status = override.get().getKey();
                body = override.get().getValue();
            } else if (!authenticated(exchange.getRequestHeaders().getFirst("Authorization"), form)) {
                status = 401;
                body = "{\"error\":\"invalid_client\"}";
            } else if (form.get("token") == null) {
                status = 400;
                body = "{\"error\":\"invalid_request\"}";
            } else {
                status = 200;
                body = "{\"active\":" + !revoked.contains(form.get("token")) + "}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (IOException e) {
                // the client gave up waiting
            }
            exchange.close();
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/introspect");
    }

    private static boolean authenticated(String authorization, Map<String, String> form) {
        if (authorization == null) {
            return "public-rs".equals(form.get("client_id"));
        }
        String expected = enc(CLIENT_ID) + ":" + enc(SECRET);
        return authorization.equals("Basic " + Base64.getEncoder().encodeToString(expected.getBytes(StandardCharsets.UTF_8)));
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
