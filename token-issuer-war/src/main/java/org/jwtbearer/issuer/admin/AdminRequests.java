package org.jwtbearer.issuer.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.HttpHeaders;

import org.jwtbearer.issuer.client.RegistryException;
import org.jwtbearer.security.json.JsonTextShape;

/**
 * Reading admin API requests: a JSON object body of bounded size and depth, with nothing after it and no
 * member twice, in strict UTF-8; and the optimistic-locking version a change is based on.
 */
final class AdminRequests {

    /** A client with a dozen certificates is a few tens of KiB. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    /** The deepest valid body is a client with a JWK key holding an x5c array: four levels. */
    static final int MAX_DEPTH = 32;

    /** Which of two values of one member would win is not something an administrator should have to guess. */
    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private AdminRequests() {
    }

    static JsonObject jsonObject(InputStream body, HttpHeaders headers) {
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
        if (!type.startsWith("application/json") && !type.startsWith("application/merge-patch+json")) {
            throw invalid("the request body must be JSON (Content-Type application/json or application/merge-patch+json)");
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw invalid("the request body could not be read");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw invalid("the request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        String text = utf8(bytes);
        JsonTextShape.problem(text, MAX_DEPTH).ifPresent(problem -> {
            throw invalid("the request body " + problem);
        });
        JsonValue value;
        try (var reader = READERS.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw invalid("the request body is not valid JSON or names a member twice" + where(e.getLocation()));
        } catch (JsonException | IllegalStateException e) {
            throw invalid("the request body is not valid JSON or names a member twice");
        }
        if (!(value instanceof JsonObject object)) {
            throw invalid("the request body must be a JSON object");
        }
        return object;
    }

    /** Where the parser stopped, in the client's terms (the parser's own message names its tokens and states). */
    private static String where(JsonLocation location) {
        return location == null || location.getLineNumber() < 1 ? ""
                : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("the request body must be UTF-8");
        }
    }

    /**
     * The version a change is based on: {@code If-Match} (the ETag a GET returned), else the body's
     * {@code version}, else the current one — a change without either applies to whatever is stored.
     */
    static long expectedVersion(HttpHeaders headers, JsonObject body, long current) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                return Long.parseLong(tag);
            } catch (NumberFormatException e) {
                throw invalid("If-Match must be an ETag this API returned");
            }
        }
        JsonValue version = body.get("version");
        if (version instanceof jakarta.json.JsonNumber number && number.isIntegral()) {
            return number.longValue();
        }
        if (version != null && version.getValueType() != JsonValue.ValueType.NULL) {
            throw invalid("version must be the whole number a GET returned");
        }
        return current;
    }

    static RegistryException invalid(String message) {
        return new RegistryException(RegistryException.Kind.INVALID, message);
    }
}
