package org.jwtbearer.it.support;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * One HTTP request and what came of it, never an exception: an answer (status, body, headers) or the
 * connection error, with when it started and ended ({@link System#nanoTime()}). For concurrent traffic and
 * load whose every outcome is judged afterwards, including the requests a dead node never answered.
 *
 * @param target  which node (or whatever the caller names) the request went to
 * @param kind    what it was ("token", "table", "create", …)
 * @param tag     the caller's note: the assertion sent, the index of a create, …
 * @param status  the HTTP status, or -1 when no answer came (refused, reset, timed out)
 * @param error   the connection error when no answer came, else null
 */
public record Exchange(String target, String kind, String tag, long startedNanos, long endedNanos, int status,
                       String body, HttpHeaders headers, String error) {

    /* Its own client (HTTP/1.1 as everywhere in these suites), so load and dead nodes never touch Http's connections. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static Exchange send(String target, String kind, String tag, HttpRequest request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Exchange(target, kind, tag, started, System.nanoTime(), response.statusCode(), response.body(),
                    response.headers(), null);
        } catch (IOException e) {
            return new Exchange(target, kind, tag, started, System.nanoTime(), -1, null, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(target, kind, tag, started, System.nanoTime(), -1, null, null, "interrupted");
        }
    }

    /** A form-urlencoded POST; {@code null} values are left out. */
    public static HttpRequest form(String url, Map<String, String> form, Duration timeout, String... headers) {
        String body = form.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request.build();
    }

    public static HttpRequest get(String url, Duration timeout, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request.build();
    }

    /** A request with a JSON body (none for {@code body == null}). */
    public static HttpRequest json(String method, String url, String body, Duration timeout, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return request.build();
    }

    public boolean answered() {
        return error == null;
    }

    public Optional<String> header(String name) {
        return headers == null ? Optional.empty() : headers.firstValue(name);
    }

    /** The body as a JSON object, or null when it is none. */
    public JsonObject json() {
        return object(body);
    }

    /** A string member of the JSON body, or null. */
    public String jsonString(String member) {
        return member(body, member);
    }

    /** {@code text} as a JSON object, or null when it is none. */
    public static JsonObject object(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A string member of the JSON object {@code text}, or null (not JSON, not an object, no such string member). */
    public static String member(String text, String member) {
        JsonObject json = object(text);
        return json != null && json.containsKey(member) && json.get(member).getValueType() == JsonValue.ValueType.STRING
                ? json.getString(member) : null;
    }

    public long millis() {
        return (endedNanos - startedNanos) / 1_000_000;
    }

    /** Started at or after {@code fromNanos} and ended at or before {@code toNanos}. */
    public boolean within(long fromNanos, long toNanos) {
        return startedNanos >= fromNanos && endedNanos <= toNanos;
    }

    @Override
    public String toString() {
        String outcome = answered() ? "HTTP " + status + " " + abbreviate(body, 400) : "no answer: " + error;
        return target + " " + kind + (tag == null || tag.length() > 40 ? "" : " " + tag) + " -> " + outcome + " (" + millis() + " ms)";
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replace('\n', ' ').replace('\r', ' ');
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
