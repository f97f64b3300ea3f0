package org.jwtbearer.security.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerCredentialTest {

    @Test
    void parseWhenNoHeaderThenNone() {
        assertInstanceOf(BearerCredential.None.class, BearerCredential.parse(List.of()));
    }

    @Test
    void parseWhenOtherSchemeThenNone() {
        assertInstanceOf(BearerCredential.None.class, BearerCredential.parse(List.of("Basic YTpi")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.def.ghi", "bearer abc.def.ghi", "BEARER abc.def.ghi", "Bearer   abc.def.ghi"})
    void parseWhenBearerInAnyCaseThenToken(String header) {
        assertEquals(new BearerCredential.Token("abc.def.ghi"), BearerCredential.parse(List.of(header)));
    }

    @Test
    void parseWhenTokenHasPaddingAndB64CharsThenToken() {
        assertEquals(new BearerCredential.Token("a-b_c~d+e/f=="), BearerCredential.parse(List.of("Bearer a-b_c~d+e/f==")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer a b", "Bearer a\tb", "Bearer ab\"c", "Bearer =abc", "Bearer a=b"})
    void parseWhenTokenMissingOrOutsideGrammarThenMalformed(String header) {
        assertInstanceOf(BearerCredential.Malformed.class, BearerCredential.parse(List.of(header)));
    }

    @Test
    void parseWhenTwoAuthorizationHeadersThenMalformed() {
        assertInstanceOf(BearerCredential.Malformed.class, BearerCredential.parse(List.of("Bearer a", "Bearer b")));
    }
}
