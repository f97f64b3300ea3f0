package org.jwtbearer.incident.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jwtbearer.incident.model.Incident;

class IfMatchTest {

    private static Incident incident(long modCount) {
        Incident incident = new Incident();
        incident.sysId = "0123456789abcdef0123456789abcdef";
        incident.sysModCount = modCount;
        return incident;
    }

    @Test
    void etagThenSysIdAndModCount() {
        assertEquals("0123456789abcdef0123456789abcdef-2", IncidentETag.value(incident(2)));
    }

    @Test
    void parseWhenAbsentOrAnyThenHolds() {
        assertTrue(IfMatch.parse(null).test(incident(5)));
        assertTrue(IfMatch.parse(List.of()).test(incident(5)));
        assertTrue(IfMatch.parse(List.of("*")).test(incident(5)));
    }

    @Test
    void parseWhenCurrentTagThenHoldsAndWhenStaleThenNot() {
        String current = "\"0123456789abcdef0123456789abcdef-3\"";

        assertTrue(IfMatch.parse(List.of(current)).test(incident(3)));
        assertFalse(IfMatch.parse(List.of(current)).test(incident(4)));
    }

    @Test
    void parseWhenListOrSeveralHeadersThenAnyTagMatches() {
        assertTrue(IfMatch.parse(List.of("\"other-1\", \"0123456789abcdef0123456789abcdef-3\"")).test(incident(3)));
        assertTrue(IfMatch.parse(List.of("\"other-1\"", "\"0123456789abcdef0123456789abcdef-3\"")).test(incident(3)));
    }

    @Test
    void parseWhenWeakTagThenNeverMatches() {
        assertFalse(IfMatch.parse(List.of("W/\"0123456789abcdef0123456789abcdef-3\"")).test(incident(3)));
    }

    @Test
    void parseWhenTagOfAnotherRecordWithSameModCountThenNot() {
        assertFalse(IfMatch.parse(List.of("\"fedcba9876543210fedcba9876543210-3\"")).test(incident(3)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "\"a\" \"b\"", "\"unterminated", "W/abc", "*, \"a\"", "\"a\";x"})
    void parseWhenMalformedThenBadRequest(String header) {
        TableApiException e = assertThrows(TableApiException.class, () -> IfMatch.parse(List.of(header)));
        assertEquals(400, e.status());
    }
}
