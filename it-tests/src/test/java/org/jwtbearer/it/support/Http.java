package org.jwtbearer.it.support;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.jwtbearer.it.fixtures.Fixtures;

/**
 * Real HTTP against the deployed applications. Every response is remembered, so a failing test can print
 * the last one ({@link PrintLastResponseOnFailure}).
 */
public final class Http {

    public static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    /*
     * HTTP/1.1 on every server. The JDK client otherwise offers an h2c upgrade, which Payara accepts and then
     * answers 431 to ordinary requests on a reused connection (its HTTP/2 header-list limit is 4 KiB); the
     * suites test the applications, not the servers' HTTP/2 connectors.
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final ThreadLocal<HttpResponse<String>> LAST = new ThreadLocal<>();

    private Http() {
    }

    /** A form-urlencoded POST; pass {@code null} values to leave a parameter out. */
    public static HttpResponse<String> postForm(String url, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return postRaw(url, "application/x-www-form-urlencoded", body, headers);
    }

    public static HttpResponse<String> postRaw(String url, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public static HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** A request with a JSON body (or none, for {@code body == null}). */
    public static HttpResponse<String> json(String method, String url, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            LAST.set(response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JWT bearer grant form for this assertion, to add to or change. */
    public static Map<String, String> grant(String assertion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", JWT_BEARER);
        form.put("assertion", assertion);
        return form;
    }

    /** A token request for the confidential fixture client, its secret sent with HTTP Basic. */
    public static HttpResponse<String> requestToken(String assertion) {
        return postForm(Fixtures.tokenEndpoint(), grant(assertion),
                "Authorization", basic(Fixtures.CONFIDENTIAL_CLIENT, Fixtures.CLIENT_SECRET));
    }

    public static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    static HttpResponse<String> last() {
        return LAST.get();
    }
}
