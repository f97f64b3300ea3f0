package org.jwtbearer.security.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextShapeTest {

    private static final String TOO_DEEP = "is nested deeper than 3 levels";
    private static final String TRAILING = "has text after the end of its JSON value";

    @ParameterizedTest
    @ValueSource(strings = {
            "{}", " {\"a\":1} ", "{\"a\":{\"b\":[1]}}", "\t\r\n{\"a\":\"}}} {{{ [[[\"}\n",
            "{\"a\":\"\\\"}\"}", "{\"a\":\"\\\\\"}", "[]", "", "   ", "\"bare\" xx", "42", "{\"a\":", "{\"a\":[["})
    void problemWhenWithinLimitsOrLeftToTheParserThenNone(String text) {
        assertEquals(Optional.empty(), JsonTextShape.problem(text, 3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":{\"b\":{\"c\":{}}}}        | " + TOO_DEEP,
            "[[[[1]]]]                          | " + TOO_DEEP,
            "{\"a\":[[[[\"unterminated        | " + TOO_DEEP,
            "{\"description\":\"a\"} xx         | " + TRAILING,
            "{\"a\":1}{\"b\":2}                 | " + TRAILING,
            "{} \u00a0                          | " + TRAILING,
            "[1] ]                              | " + TRAILING,
            "{\"a\":\"\\\\\"} x                 | " + TRAILING})
    void problemWhenTooDeepOrTrailingTextThenSaysWhich(String text, String problem) {
        assertEquals(Optional.of(problem), JsonTextShape.problem(text, 3));
    }

    @Test
    void problemWhenThousandsOfLevelsThenStopsAtTheLimitWithoutRecursion() {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);

        assertEquals(Optional.of("is nested deeper than 32 levels"), JsonTextShape.problem(deep, 32));
    }
}
