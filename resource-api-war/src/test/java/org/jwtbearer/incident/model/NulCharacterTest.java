package org.jwtbearer.incident.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Optional;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.jwtbearer.incident.api.IncidentInput;
import org.jwtbearer.incident.api.TableApiException;
import org.jwtbearer.incident.query.EncodedQueryParser;
import org.jwtbearer.incident.query.InvalidQueryException;
import org.jwtbearer.incident.user.UserDirectory;

/**
 * U+0000 never reaches PostgreSQL, which refuses it in any text value with an error the Table API answered with a
 * 500 (MutationIT: {@code GET /api/now/table/incident/%00}). No entity manager is given: a lookup that reached the
 * database would fail with a NullPointerException.
 */
class NulCharacterTest {

    @Test
    void whenSysIdHoldsNulThenNoIncidentAndNoQuery() {
        assertEquals(Optional.empty(), IncidentStore.find(null, "abc\u0000", Optional.empty()));
        assertEquals(Optional.empty(), new UserDirectory().find("\u0000"));
    }

    @Test
    void whenBodyTextHoldsNulThen400NamingTheField() {
        var body = Json.createReader(new StringReader("{\"short_description\":\"a\\u0000b\"}")).readObject();

        TableApiException refused = assertThrows(TableApiException.class, () -> IncidentInput.from(body));
        assertEquals(400, refused.status());
        assertTrue(refused.detail().contains("short_description"), refused.detail());
    }

    @Test
    void whenQueryHoldsNulThenInvalidQuery() {
        assertThrows(InvalidQueryException.class, () -> EncodedQueryParser.parse("short_description=a\u0000"));
    }
}
