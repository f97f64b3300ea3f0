package org.jwtbearer.incident.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of what the Table API reads from a request besides the query: the JSON body of a
 * create or update (bytes as sent: size cap, strict UTF-8, duplicate members, field types and ranges), the
 * {@code If-Match} header and the list parameters. The only refusal is a {@link TableApiException} with a 4xx
 * status and a detail (the error envelope); any other exception would be a 500. Seeds and kept findings:
 * {@code src/test/resources/org/jwtbearer/incident/api/TableRequestFuzzTestInputs}.
 */
class TableRequestFuzzTest {

    @FuzzTest
    @Timeout(10)
    void incidentBody(byte[] input) {
        try {
            IncidentInput.from(JsonBody.readObject(new ByteArrayInputStream(input))).toChange();
        } catch (TableApiException refused) {
            assertClientError(refused);
        }
    }

    /** Each line of the input is one value: If-Match, sysparm_limit, sysparm_offset, sysparm_display_value. */
    @FuzzTest
    @Timeout(10)
    void headersAndParameters(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        String[] values = {line(lines, 0), line(lines, 1), line(lines, 2), line(lines, 3)};
        refusedOrRead(() -> IfMatch.parse(values[0] == null ? null : List.of(values[0])));
        refusedOrRead(() -> TableResource.wholeNumber("sysparm_limit", values[1], TableResource.MAX_LIMIT, 1, TableResource.MAX_LIMIT));
        refusedOrRead(() -> TableResource.wholeNumber("sysparm_offset", values[2], 0, 0, TableResource.MAX_OFFSET));
        refusedOrRead(() -> DisplayValue.parse(values[3]));
    }

    private static String line(String[] lines, int index) {
        return index < lines.length ? lines[index] : null;
    }

    private static void refusedOrRead(Runnable read) {
        try {
            read.run();
        } catch (TableApiException refused) {
            assertClientError(refused);
        }
    }

    private static void assertClientError(TableApiException refused) {
        assertTrue(refused.status() >= 400 && refused.status() < 500, "a refusal is a client error: " + refused.status());
        assertFalse(refused.detail() == null || refused.detail().isBlank(), "a refusal says what is wrong");
    }
}
