package org.jwtbearer.incident.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;

import org.jwtbearer.security.json.JsonTextShape;

/**
 * A request body that must be one JSON object: read up to {@link #MAX_BYTES} (more is a 413, and the rest is
 * never buffered), strict UTF-8, nested at most {@link #MAX_DEPTH} levels, nothing after the object, no member
 * named twice (which of two values would win is not something a client should have to guess). Anything else
 * is a 400 with the envelope.
 */
final class JsonBody {

    /** Far above the longest valid record (its text fields together are under 5,000 characters). */
    static final int MAX_BYTES = 64 * 1024;

    /** A record is one flat object; the margin is for clients that send a field's value as an object by mistake. */
    static final int MAX_DEPTH = 32;

    private static final JsonReaderFactory READERS =
            IncidentJson.JSON.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private JsonBody() {
    }

    static JsonObject readObject(InputStream body) {
        String text = decode(readCapped(body));
        if (text.isBlank()) {
            throw TableApiException.badRequest("The request body must be a JSON object");
        }
        JsonTextShape.problem(text, MAX_DEPTH).ifPresent(problem -> {
            throw TableApiException.badRequest("The request body " + problem);
        });
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw TableApiException.badRequest("The request body must be a JSON object, with no member named twice");
        }
    }

    private static byte[] readCapped(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new TableApiException(413, "Request entity too large", "The request body is limited to " + MAX_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw TableApiException.badRequest("The request body could not be read");
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw TableApiException.badRequest("The request body must be UTF-8");
        }
    }
}
