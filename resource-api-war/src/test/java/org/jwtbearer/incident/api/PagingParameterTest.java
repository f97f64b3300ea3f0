package org.jwtbearer.incident.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** sysparm_limit and sysparm_offset: a refusal names the range, also for numbers too long for an int. */
class PagingParameterTest {

    @ParameterizedTest
    @CsvSource({"1,1", "10000,10000", "0010,10", "' 7 ',7"})
    void wholeNumberWhenInRangeThenRead(String value, int expected) {
        assertEquals(expected, TableResource.wholeNumber("sysparm_limit", value, 5, 1, TableResource.MAX_LIMIT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10001", "1000000000", "99999999999999999999999", "-1", "1.5", "ten", "1e3", "0x10"})
    void wholeNumberWhenOutOfRangeOrNotDigitsThenTheMessageSaysTheRange(String value) {
        TableApiException refused = assertThrows(TableApiException.class,
                () -> TableResource.wholeNumber("sysparm_limit", value, 5, 1, TableResource.MAX_LIMIT));

        assertEquals(400, refused.status());
        assertEquals("sysparm_limit must be a whole number from 1 to 10000", refused.detail());
    }
}
