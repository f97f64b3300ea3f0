package org.jwtbearer.security.http;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Adds {@code X-Content-Type-Options: nosniff} to every answer, so no browser ever renders an error body
 * that echoes request text as anything but the type it is declared as. Set before the chain runs, so it
 * is on answers that are committed early; declared in each WAR's web.xml for every dispatcher type, error
 * pages included. Answers written by the bearer mechanism (which runs before any filter) carry it from
 * {@code FailureResponse}.
 */
public class NoSniffFilter implements Filter {

    public static final String HEADER = "X-Content-Type-Options";
    public static final String VALUE = "nosniff";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader(HEADER, VALUE);
        }
        chain.doFilter(request, response);
    }
}
