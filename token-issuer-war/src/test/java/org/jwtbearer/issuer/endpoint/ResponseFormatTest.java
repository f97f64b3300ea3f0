package org.jwtbearer.issuer.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ResponseFormatTest {

    private static final Map<String, Object> MEMBERS = ResponseFormat.members(
            "access_token", "a.b.c", "token_type", "Bearer", "expires_in", 1799L, "scope", null);

    @Test
    void encodeJsonThenNumbersStayNumbersAndNullsAreLeftOut() {
        assertEquals("{\"access_token\":\"a.b.c\",\"token_type\":\"Bearer\",\"expires_in\":1799}", ResponseFormat.JSON.encode(MEMBERS));
    }

    @Test
    void encodeUrlencodedThenFormEncoded() {
        assertEquals("access_token=a.b.c&token_type=Bearer&expires_in=1799", ResponseFormat.URLENCODED.encode(MEMBERS));
    }

    @Test
    void encodeXmlThenEscaped() {
        String xml = ResponseFormat.XML.encode(ResponseFormat.members("error_description", "a <b> & \"c\""));
        assertTrue(xml.endsWith("<response><error_description>a &lt;b&gt; &amp; &quot;c&quot;</error_description></response>"), xml);
    }

    @Test
    void namedWhenUnknownThenEmpty() {
        assertTrue(ResponseFormat.named("yaml").isEmpty());
        assertTrue(ResponseFormat.named("JSON").isEmpty());
    }
}
