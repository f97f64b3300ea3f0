package org.jwtbearer.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scripted token endpoint on loopback, with a scripted API beside it under {@code /api/}: each answers with
 * its queued responses in order (the last one repeats) and records every request it received, so tests see
 * exactly what the client sent and how often.
 */
public final class FakeTokenEndpoint implements AutoCloseable {

    public record Answer(int status, String contentType, String body, Map<String, String> headers, long delayMillis) {
        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Map.of(), 0);
        }

        Answer withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Answer(status, contentType, body, all, delayMillis);
        }

        Answer delayed(long millis) {
            return new Answer(status, contentType, body, headers, millis);
        }
    }

    public record Received(String method, String path, String body, Map<String, String> form,
                           Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** One scripted path. */
    public static final class Route {
        private final Deque<Answer> script = new ArrayDeque<>();
        private final List<Received> received = new CopyOnWriteArrayList<>();

        public synchronized Route answer(Answer... answers) {
            script.addAll(List.of(answers));
            return this;
        }

        public List<Received> received() {
            return received;
        }

        private synchronized Answer next() {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    private final HttpServer server;
    private final Route token = new Route();
    private final Route api = new Route();

    public FakeTokenEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/oauth_token.do", exchange -> handle(exchange, token));
        server.createContext("/api/", exchange -> handle(exchange, api));
        server.start();
    }

    public static String token(String value, int expiresIn) {
        return "{\"access_token\":\"" + value + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                + ",\"scope\":\"useraccount\"}";
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth_token.do");
    }

    public FakeTokenEndpoint answer(Answer... answers) {
        token.answer(answers);
        return this;
    }

    public List<Received> received() {
        return token.received();
    }

    /** The API beside the token endpoint, under {@code /api/}. */
    public Route api() {
        return api;
    }

    private static void handle(HttpExchange exchange, Route route) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String requestBody = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            route.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), requestBody,
                    parseForm(requestBody), Map.copyOf(exchange.getRequestHeaders())));
            Answer answer = route.next();
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (!body.isEmpty() && !body.startsWith("{")) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
