package org.jwtbearer.security.mechanism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Token locations and the one-method rule of RFC 6750 §2 (attack catalogue §E33). */
class TokenExtractorTest {

    private static final String TOKEN = "abc.def.ghi";
    private static final String FORM = "application/x-www-form-urlencoded";

    private static final TokenLocations QUERY_ON = new TokenLocations("Authorization", "Bearer", true, false);
    private static final TokenLocations FORM_ON = new TokenLocations("Authorization", "Bearer", false, true);

    private static BearerCredential extract(TokenLocations locations, FakeRequest request) {
        return new TokenExtractor(locations).extract(request.build());
    }

    @Test
    void extractWhenAuthorizationHeaderThenToken() {
        assertEquals(new BearerCredential.Token(TOKEN), extract(TokenLocations.DEFAULT, new FakeRequest().header("Authorization", "Bearer " + TOKEN)));
    }

    @Test
    void extractWhenNothingThenNone() {
        assertInstanceOf(BearerCredential.None.class, extract(TokenLocations.DEFAULT, new FakeRequest().query("a=b")));
    }

    @Test
    void extractWhenQueryTokenAndQueryTokensOffThenMalformed() {
        BearerCredential credential = extract(TokenLocations.DEFAULT, new FakeRequest().query("access_token=" + TOKEN));
        assertInstanceOf(BearerCredential.Malformed.class, credential);
    }

    @Test
    void extractWhenQueryTokenAndQueryTokensOnThenToken() {
        assertEquals(new BearerCredential.Token(TOKEN), extract(QUERY_ON, new FakeRequest().query("x=1&access_token=" + TOKEN)));
    }

    @Test
    void extractWhenQueryParameterNameEncodedThenStillRecognised() {
        assertEquals(new BearerCredential.Token(TOKEN), extract(QUERY_ON, new FakeRequest().query("access%5Ftoken=" + TOKEN)));
        assertInstanceOf(BearerCredential.Malformed.class,
                extract(TokenLocations.DEFAULT, new FakeRequest().header("Authorization", "Bearer " + TOKEN).query("access%5ftoken=x")));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void extractWhenHeaderAndQueryTokenThenMalformedWhateverTheSetting(boolean queryOn) {
        TokenLocations locations = new TokenLocations("Authorization", "Bearer", queryOn, false);
        BearerCredential credential = extract(locations, new FakeRequest().header("Authorization", "Bearer " + TOKEN).query("access_token=" + TOKEN));
        assertInstanceOf(BearerCredential.Malformed.class, credential);
    }

    @Test
    void extractWhenQueryTokenRepeatedOrEmptyThenMalformed() {
        assertInstanceOf(BearerCredential.Malformed.class, extract(QUERY_ON, new FakeRequest().query("access_token=a&access_token=a")));
        assertInstanceOf(BearerCredential.Malformed.class, extract(QUERY_ON, new FakeRequest().query("access_token=")));
        assertInstanceOf(BearerCredential.Malformed.class, extract(QUERY_ON, new FakeRequest().query("access_token")));
        assertInstanceOf(BearerCredential.Malformed.class, extract(QUERY_ON, new FakeRequest().query("access_token=a%20b")));
        assertInstanceOf(BearerCredential.Malformed.class, extract(QUERY_ON, new FakeRequest().query("access_token=%zz")));
    }

    @Test
    void extractWhenBasicHeaderAndQueryTokenThenOnlyTheQueryCounts() {
        assertEquals(new BearerCredential.Token(TOKEN),
                extract(QUERY_ON, new FakeRequest().header("Authorization", "Basic YTpi").query("access_token=" + TOKEN)));
    }

    @Test
    void extractWhenFormTokenAndFormTokensOnThenToken() {
        assertEquals(new BearerCredential.Token(TOKEN), extract(FORM_ON, new FakeRequest().formPost(FORM + "; charset=UTF-8", TOKEN)));
    }

    @Test
    void extractWhenHeaderAndFormTokenThenMalformed() {
        FakeRequest request = new FakeRequest().formPost(FORM, TOKEN).header("Authorization", "Bearer " + TOKEN);
        assertInstanceOf(BearerCredential.Malformed.class, extract(FORM_ON, request));
    }

    @Test
    void extractWhenQueryAndFormTokenThenMalformed() {
        TokenLocations both = new TokenLocations("Authorization", "Bearer", true, true);
        assertInstanceOf(BearerCredential.Malformed.class, extract(both, new FakeRequest().formPost(FORM, TOKEN).query("access_token=" + TOKEN)));
    }

    @Test
    void extractWhenContainerCannotParseTheFormThenMalformed() {
        FakeRequest request = new FakeRequest().formPost(FORM, TOKEN);
        request.unparsableBody = true;
        assertInstanceOf(BearerCredential.Malformed.class, extract(FORM_ON, request));
    }

    @Test
    void extractWhenFormTokensOffThenBodyNeverRead() {
        FakeRequest request = new FakeRequest().formPost(FORM, TOKEN).header("Authorization", "Bearer " + TOKEN);
        assertEquals(new BearerCredential.Token(TOKEN), extract(TokenLocations.DEFAULT, request));
        assertEquals(0, request.parameterReads);
    }

    @Test
    void extractWhenNotAFormPostThenBodyNeverRead() {
        FakeRequest json = new FakeRequest().formPost("application/json", TOKEN);
        assertInstanceOf(BearerCredential.None.class, extract(FORM_ON, json));
        assertEquals(0, json.parameterReads);

        FakeRequest put = new FakeRequest().formPost(FORM, TOKEN);
        put.method = "PUT";
        assertInstanceOf(BearerCredential.None.class, extract(FORM_ON, put));
        assertEquals(0, put.parameterReads);
    }

    @Test
    void readsFormOnlyForFormEncodedPostWhenEnabled() {
        TokenExtractor on = new TokenExtractor(FORM_ON);
        assertTrue(on.readsForm("POST", "Application/X-WWW-Form-Urlencoded;charset=utf-8"));
        assertFalse(on.readsForm("GET", FORM));
        assertFalse(on.readsForm("POST", "multipart/form-data"));
        assertFalse(on.readsForm("POST", null));
        assertFalse(new TokenExtractor(TokenLocations.DEFAULT).readsForm("POST", FORM));
    }

    @Test
    void extractWhenCookieLocationThenCookieValueAndNotTheHeader() {
        TokenLocations cookie = new TokenLocations("Cookie", "jwt", false, false);
        FakeRequest request = new FakeRequest().header("Authorization", "Bearer other");
        request.cookies.add(new Cookie("jwt", TOKEN));
        assertEquals(new BearerCredential.Token(TOKEN), extract(cookie, request));

        FakeRequest headerOnly = new FakeRequest().header("Authorization", "Bearer " + TOKEN);
        assertInstanceOf(BearerCredential.None.class, extract(cookie, headerOnly));
    }

    /** A browser keeps a cleared cookie with an empty value: that is no token, so a protected resource answers 401. */
    @Test
    void extractWhenCookieEmptyThenNone() {
        TokenLocations cookie = new TokenLocations("Cookie", "jwt", false, false);
        FakeRequest request = new FakeRequest();
        request.cookies.add(new Cookie("jwt", ""));
        assertInstanceOf(BearerCredential.None.class, extract(cookie, request));
    }

    @Test
    void extractWhenCookieRepeatedOrCombinedWithQueryThenMalformed() {
        TokenLocations cookie = new TokenLocations("Cookie", "Bearer", true, false);
        FakeRequest twice = new FakeRequest();
        twice.cookies.add(new Cookie("Bearer", TOKEN));
        twice.cookies.add(new Cookie("Bearer", TOKEN));
        assertInstanceOf(BearerCredential.Malformed.class, extract(cookie, twice));

        FakeRequest withQuery = new FakeRequest().query("access_token=" + TOKEN);
        withQuery.cookies.add(new Cookie("Bearer", TOKEN));
        assertInstanceOf(BearerCredential.Malformed.class, extract(cookie, withQuery));
    }

    @Test
    void extractWhenCustomHeaderThenWholeValueIsTheToken() {
        TokenLocations custom = new TokenLocations("X-Access-Token", "Bearer", false, false);
        assertEquals(new BearerCredential.Token(TOKEN), extract(custom, new FakeRequest().header("X-Access-Token", TOKEN)));
        assertInstanceOf(BearerCredential.Malformed.class, extract(custom, new FakeRequest().header("X-Access-Token", "Bearer " + TOKEN)));
    }

    @Test
    void queryValuesDecodesAndKeepsOrder() {
        assertEquals(List.of("a b", "c"), TokenExtractor.queryValues("access_token=a+b&x=y&access_token=c", "access_token"));
        assertEquals(List.of(), TokenExtractor.queryValues(null, "access_token"));
        assertEquals(List.of(), TokenExtractor.queryValues("access_tokens=a", "access_token"));
    }
}
