package org.jwtbearer.incident.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodyTest {

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int refusal(InputStream body) {
        return assertThrows(TableApiException.class, () -> JsonBody.readObject(body)).status();
    }

    @Test
    void readObjectWhenObjectThenParsed() {
        assertEquals("x", JsonBody.readObject(body("{\"short_description\":\"x\"}")).getString("short_description"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "[]", "\"text\"", "42", "{\"a\":", "not json", "{\"state\":\"1\",\"state\":\"7\"}"})
    void readObjectWhenNotOneObjectThenBadRequest(String text) {
        assertEquals(400, refusal(body(text)));
    }

    @Test
    void readObjectWhenNotUtf8ThenBadRequest() {
        assertEquals(400, refusal(new ByteArrayInputStream(new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'})));
    }

    @Test
    void readObjectWhenOverCapThenTooLargeAndAtCapThenRead() {
        String padding = " ".repeat(JsonBody.MAX_BYTES - 2);
        assertEquals(0, JsonBody.readObject(body("{" + padding + "}")).size());
        assertEquals(413, refusal(body("{ " + padding + "}")));
    }

    @ParameterizedTest
    @ValueSource(ints = {JsonBody.MAX_DEPTH + 1, 1000, 10_000})
    void readObjectWhenNestedTooDeepThenBadRequestSayingSo(int depth) {
        String deep = "{\"description\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";

        TableApiException refused = assertThrows(TableApiException.class, () -> JsonBody.readObject(body(deep)));

        assertEquals(400, refused.status());
        assertEquals("The request body is nested deeper than " + JsonBody.MAX_DEPTH + " levels", refused.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"description\":\"a\"} xx", "{\"description\":\"a\"}{}", "{\"description\":\"a\"}\n}"})
    void readObjectWhenTextAfterTheObjectThenBadRequestSayingSo(String text) {
        TableApiException refused = assertThrows(TableApiException.class, () -> JsonBody.readObject(body(text)));

        assertEquals(400, refused.status());
        assertEquals("The request body has text after the end of its JSON value", refused.detail());
    }

    @Test
    void readObjectWhenTrailingWhitespaceThenRead() {
        assertEquals("a", JsonBody.readObject(body("{\"description\":\"a\"} \r\n\t")).getString("description"));
    }
}
