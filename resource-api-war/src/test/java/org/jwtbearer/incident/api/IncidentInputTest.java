package org.jwtbearer.incident.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jwtbearer.incident.model.IncidentChange;
import org.jwtbearer.incident.model.IncidentState;

class IncidentInputTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void fromWhenStringsOrNumbersThenParsed() {
        IncidentInput input = IncidentInput.from(json("{\"short_description\":\"x\",\"state\":\"2\",\"impact\":1,\"urgency\":\"3\"}"));
        assertEquals(Optional.of("x"), input.shortDescription());
        assertEquals(Optional.of(IncidentState.IN_PROGRESS), input.state());
        assertEquals(Optional.of(1), input.impact());
        assertEquals(Optional.of(3), input.urgency());
    }

    @Test
    void fromWhenReadOnlyFieldsGivenThenIgnored() {
        IncidentInput input = IncidentInput.from(json("{\"sys_id\":\"abc\",\"number\":\"INC1\",\"priority\":\"1\"}"));
        assertTrue(input.shortDescription().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"nope\":\"x\"}", "{\"state\":\"4\"}", "{\"state\":\"9\"}", "{\"impact\":\"0\"}", "{\"urgency\":\"high\"}",
            "{\"impact\":2.5}", "{\"short_description\":5}", "{\"urgency\":true}", "{\"impact\":\"99999999999\"}",
            "{\"impact\":1e999999999}", "{\"impact\":-1e999999999}", "{\"urgency\":1e-999999999}"})
    void fromWhenInvalidThenBadRequest(String body) {
        TableApiException e = assertThrows(TableApiException.class, () -> IncidentInput.from(json(body)));
        assertEquals(400, e.status());
    }

    @Test
    void toChangeWhenFieldsNamedThenOnlyThoseInTheChange() {
        IncidentChange change = IncidentInput.from(json("{\"urgency\":\"1\",\"assigned_to\":\"\",\"category\":null,\"priority\":\"1\"}")).toChange();
        assertEquals(Optional.of(1), change.urgency());
        assertEquals(Optional.of(""), change.assignedTo());
        assertEquals(Optional.empty(), change.category());
        assertEquals(Optional.empty(), change.impact());
        assertEquals(Optional.empty(), change.shortDescription());
    }

    @ParameterizedTest
    @ValueSource(strings = {"description", "category", "caller_id", "assigned_to"})
    void fromWhenAnyTextFieldTooLongThenBadRequest(String field) {
        assertEquals(400, assertThrows(TableApiException.class,
                () -> IncidentInput.from(json("{\"" + field + "\":\"" + "x".repeat(4001) + "\"}"))).status());
    }

    @Test
    void fromWhenTooLongThenBadRequest() {
        assertThrows(TableApiException.class, () -> IncidentInput.from(json("{\"short_description\":\"" + "x".repeat(161) + "\"}")));
    }

    @Test
    void selectFieldsWhenUnknownThenBadRequestAndWhenAbsentThenAll() {
        assertThrows(TableApiException.class, () -> IncidentJson.selectFields("number,secret_column"));
        assertEquals(IncidentJson.FIELD_NAMES.size(), IncidentJson.selectFields(null).size());
        assertEquals(2, IncidentJson.selectFields("number, state").size());
    }
}
