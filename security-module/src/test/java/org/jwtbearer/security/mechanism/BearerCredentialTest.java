package org.jwtbearer.security.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code Authorization} header and bare token rules of attack catalogue §E32–33. */
class BearerCredentialTest {

    @Test
    void parseWhenNoHeaderThenNone() {
        assertInstanceOf(BearerCredential.None.class, BearerCredential.parse(List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic YTpi", "Bearerabc.def", "Token abc", "", "Digest\tabc"})
    void parseWhenOtherSchemeThenNone(String header) {
        assertInstanceOf(BearerCredential.None.class, BearerCredential.parse(List.of(header)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc.def.ghi", "bearer abc.def.ghi", "BEARER abc.def.ghi", "bEaReR abc.def.ghi",
            "Bearer   abc.def.ghi", "Bearer abc.def.ghi "})
    void parseWhenBearerInAnyCaseThenToken(String header) {
        assertEquals(new BearerCredential.Token("abc.def.ghi"), BearerCredential.parse(List.of(header)));
    }

    @Test
    void parseWhenTokenHasPaddingAndB64CharsThenToken() {
        assertEquals(new BearerCredential.Token("a-b_c~d+e/f=="), BearerCredential.parse(List.of("Bearer a-b_c~d+e/f==")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer    ", "Bearer\t", "bearer\tabc.def.ghi", "Bearer \tabc", "Bearer abc\tdef",
            "Bearer abc.def\t", "Bearer a b", "Bearer ab\"c", "Bearer =abc", "Bearer a=b", "Bearer a,b", "Bearer ab%2E",
            "Bearer abc\u00e9", "Bearer abc\u0000"})
    void parseWhenTabEmptyOrOutsideGrammarThenMalformed(String header) {
        assertInstanceOf(BearerCredential.Malformed.class, BearerCredential.parse(List.of(header)));
    }

    @Test
    void parseWhenTwoAuthorizationHeadersThenMalformed() {
        assertInstanceOf(BearerCredential.Malformed.class, BearerCredential.parse(List.of("Bearer a", "Bearer b")));
        assertInstanceOf(BearerCredential.Malformed.class, BearerCredential.parse(List.of("Bearer a", "Basic YTpi")));
    }

    @Test
    void bareWhenOneValidValueThenToken() {
        assertEquals(new BearerCredential.Token("abc.def.ghi"), BearerCredential.bare(List.of("abc.def.ghi"), "The cookie"));
        assertInstanceOf(BearerCredential.None.class, BearerCredential.bare(List.of(), "The cookie"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer abc", "abc def", "abc\tdef", "a<b"})
    void bareWhenEmptyOrOutsideGrammarThenMalformed(String value) {
        assertInstanceOf(BearerCredential.Malformed.class, BearerCredential.bare(List.of(value), "The cookie"));
    }

    @Test
    void bareWhenRepeatedThenMalformed() {
        assertEquals(new BearerCredential.Malformed("The cookie appears more than once"),
                BearerCredential.bare(List.of("abc", "abc"), "The cookie"));
    }
}
