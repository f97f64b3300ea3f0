package org.jwtbearer.incident.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the Table API's {@code sysparm_query} parser: any text is either a query or an
 * {@link InvalidQueryException} (a 400 saying what is wrong and where); any other exception would be a 500, and
 * the length and term limits must keep every input fast. Seeds and kept findings:
 * {@code src/test/resources/org/jwtbearer/incident/query/EncodedQueryFuzzTestInputs}.
 */
class EncodedQueryFuzzTest {

    @FuzzTest
    @Timeout(10)
    void encodedQuery(byte[] input) {
        EncodedQuery query;
        try {
            query = EncodedQueryParser.parse(new String(input, StandardCharsets.UTF_8));
        } catch (InvalidQueryException refused) {
            assertEquals(400, refused.status());
            assertFalse(refused.detail() == null || refused.detail().isBlank(), "a refusal says what is wrong");
            return;
        }
        assertNotNull(query.branches());
        assertNotNull(query.sortKeys());
    }
}
