package org.jwtbearer.security.mechanism;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    HttpServletRequest build() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
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
