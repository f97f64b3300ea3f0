package org.jwtbearer.security.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UndecodableUriFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/now/table/incident/0123456789abcdef0123456789abcdef", "/api/now/table/incident/caf%C3%A9",
            "sysparm_query=short_descriptionLIKEa%5E%5Eb&sysparm_limit=1", "a+b=%20", "/x/%E2%82%AC", ""})
    void decodableWhenWellFormedUtf8EscapesThenTrue(String raw) {
        assertTrue(UndecodableUriFilter.decodable(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/now/table/incident/%ff%fe", "/x/%C3", "/x/%C3%28", "/x/%", "/x/%4", "/x/%zz", "q=%ED%A0%80",
            "sysparm_query=%ff"})
    void decodableWhenNotUtf8OrMalformedEscapeThenFalse(String raw) {
        assertFalse(UndecodableUriFilter.decodable(raw));
    }
}
