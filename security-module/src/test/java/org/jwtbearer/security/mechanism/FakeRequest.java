package org.jwtbearer.security.mechanism;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/** An {@link HttpServletRequest} answering just what the token extractor asks, and counting body reads. */
final class FakeRequest {

    String method = "GET";
    String contentType;
    String queryString;
    final Map<String, List<String>> headers = new HashMap<>();
    final List<Cookie> cookies = new ArrayList<>();
    final List<String> formValues = new ArrayList<>();
    int parameterReads;
    boolean unparsableBody;
    /** The request body (none when null), and how much of it was read. */
    byte[] body;
    boolean bodyLengthUnknown;
    int bodyBytesRead;

    FakeRequest header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(), k -> new ArrayList<>()).add(value);
        return this;
    }

    FakeRequest query(String query) {
        this.queryString = query;
        return this;
    }

    FakeRequest formPost(String contentType, String... accessTokens) {
        this.method = "POST";
        this.contentType = contentType;
        formValues.addAll(List.of(accessTokens));
        return this;
    }

    FakeRequest body(String method, byte[] body) {
        this.method = method;
        this.body = body;
        return this;
    }

    private ServletInputStream bodyStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                int b = in.read();
                bodyBytesRead += b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                int n = in.read(buffer, offset, length);
                bodyBytesRead += Math.max(n, 0);
                return n;
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    HttpServletRequest build() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getContentLengthLong" -> body == null ? 0L : bodyLengthUnknown ? -1L : (long) body.length;
                    case "getInputStream" -> bodyStream();
                    case "getContentType" -> contentType;
                    case "getQueryString" -> queryString;
                    case "getHeaders" -> Collections.enumeration(headers.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
                    case "getCookies" -> cookies.isEmpty() ? null : cookies.toArray(new Cookie[0]);
                    case "getParameterValues" -> {
                        parameterReads++;
                        if (unparsableBody) {
                            throw new IllegalStateException("too many parameters");
                        }
                        // As the container does: query-string values first, then the body's.
                        List<String> all = new ArrayList<>(TokenExtractor.queryValues(queryString, (String) args[0]));
                        all.addAll(formValues);
                        yield all.isEmpty() ? null : all.toArray(new String[0]);
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
