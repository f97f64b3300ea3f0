package org.jwtbearer.incident.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityTest {

    @ParameterizedTest(name = "impact {0} × urgency {1} → {2}")
    @CsvSource({"1,1,1", "1,2,2", "1,3,3", "2,1,2", "2,2,3", "2,3,4", "3,1,3", "3,2,4", "3,3,5"})
    void ofWhenImpactAndUrgencyThenServiceNowMatrix(int impact, int urgency, int priority) {
        assertEquals(priority, Priority.of(impact, urgency));
    }

    @ParameterizedTest
    @CsvSource({"0,1", "4,1", "1,0", "1,4"})
    void ofWhenOutOfRangeThenRefused(int impact, int urgency) {
        assertThrows(IllegalArgumentException.class, () -> Priority.of(impact, urgency));
    }
}
