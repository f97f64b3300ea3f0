package org.jwtbearer.security.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UndecodableRequestFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/now/table/incident/0123456789abcdef0123456789abcdef", "/api/now/table/incident/caf%C3%A9",
            "sysparm_query=short_descriptionLIKEa%5E%5Eb&sysparm_limit=1", "a+b=%20", "/x/%E2%82%AC", ""})
    void decodableWhenWellFormedUtf8EscapesThenTrue(String raw) {
        assertTrue(UndecodableRequestFilter.decodable(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/now/table/incident/%ff%fe", "/x/%C3", "/x/%C3%28", "/x/%", "/x/%4", "/x/%zz", "q=%ED%A0%80",
            "sysparm_query=%ff"})
    void decodableWhenNotUtf8OrMalformedEscapeThenFalse(String raw) {
        assertFalse(UndecodableRequestFilter.decodable(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "utf-8", " UTF-8 ", "US-ASCII", "ISO-8859-1", "windows-1252", "\"UTF-8\""})
    void asciiCompatibleWhenCharsetWritesAsciiAsAsciiThenTrue(String charset) {
        assertTrue(UndecodableRequestFilter.asciiCompatible(charset));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-32", "IBM037", "no-such-charset", "", "\"UTF-8", "x\u00e9"})
    void asciiCompatibleWhenCharsetUnknownOrNotAsciiThenFalse(String charset) {
        assertFalse(UndecodableRequestFilter.asciiCompatible(charset));
    }

    @Test
    void doFilterWhenCharsetIsUtf16ThenRefused415InTheEnvelopeAndTheChainNotCalled() throws Exception {
        Exchange exchange = new Exchange("/api/now/table/incident", "sysparm_limit=1", "UTF-16");

        new UndecodableRequestFilter().doFilter(exchange.request(), exchange.response(), exchange.chain());

        assertEquals(415, exchange.status.get());
        assertFalse(exchange.passed.get());
        assertTrue(exchange.body().contains(UndecodableRequestFilter.CHARSET_DETAIL), exchange.body());
    }

    @Test
    void doFilterWhenQueryIsNotUtf8ThenRefused400AndTheChainNotCalled() throws Exception {
        Exchange exchange = new Exchange("/api/now/table/incident", "sysparm_query=%ff", null);

        new UndecodableRequestFilter().doFilter(exchange.request(), exchange.response(), exchange.chain());

        assertEquals(400, exchange.status.get());
        assertFalse(exchange.passed.get());
        assertTrue(exchange.body().contains(UndecodableRequestFilter.URI_DETAIL), exchange.body());
    }

    @Test
    void doFilterWhenUtf8RequestThenPassedOn() throws Exception {
        Exchange exchange = new Exchange("/api/now/table/incident/caf%C3%A9", "sysparm_limit=1", "ISO-8859-1");

        new UndecodableRequestFilter().doFilter(exchange.request(), exchange.response(), exchange.chain());

        assertTrue(exchange.passed.get());
        assertEquals(0, exchange.status.get());
    }

    /** A request with a URI, a query and a declared charset, and a response that records what is written to it. */
    private static final class Exchange {
        final AtomicInteger status = new AtomicInteger();
        final AtomicBoolean passed = new AtomicBoolean();
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private final String uri;
        private final String query;
        private final String charset;

        Exchange(String uri, String query, String charset) {
            this.uri = uri;
            this.query = query;
            this.charset = charset;
        }

        HttpServletRequest request() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getRequestURI" -> uri;
                        case "getQueryString" -> query;
                        case "getCharacterEncoding" -> charset;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    written.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "setStatus" -> {
                            status.set((Integer) args[0]);
                            yield null;
                        }
                        case "setHeader", "setContentType", "setContentLength" -> null;
                        case "getOutputStream" -> out;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        FilterChain chain() {
            return (request, response) -> passed.set(true);
        }

        String body() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }
}
