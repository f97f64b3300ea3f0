package org.jwtbearer.security.wycheproof;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Wycheproof's JSON Web Signature vectors: modified signatures and paddings, wrong primitives, alg none, JSON serialization. */
class WycheproofJwsTest {

    static Stream<Arguments> vectors() {
        return Vectors.cases("/wycheproof/json_web_signature_test.json", false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifyAcceptsExactlyTheValidVectors(String name, Vectors.Case vector) {
        Vectors.check(vector);
    }
}
