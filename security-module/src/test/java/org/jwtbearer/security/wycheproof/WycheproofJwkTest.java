package org.jwtbearer.security.wycheproof;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Wycheproof's JSON Web Key vectors: weak, ROCA, mislabelled, off-curve and encryption keys, mixed and ambiguous key sets. */
class WycheproofJwkTest {

    static Stream<Arguments> vectors() {
        return Vectors.cases("/wycheproof/json_web_key_test.json", true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifyAcceptsExactlyTheValidVectors(String name, Vectors.Case vector) {
        Vectors.check(vector);
    }
}
