package org.jwtbearer.it.apps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Deployed in a test WAR of its own: a JWKS the test controls. {@code GET /jwks} serves the document (counting
 * every fetch), or fails with a status, or hangs first. {@code PUT /control/document} sets the document,
 * {@code PUT /control/outage?status=503&hangMillis=0} breaks it ({@code status=200&hangMillis=0} mends it),
 * {@code GET /control/fetches} answers how many fetches it has served so far.
 */
@WebServlet(urlPatterns = {"/jwks", "/control/*"})
public class ControllableJwksServlet extends HttpServlet {

    private static final AtomicReference<String> DOCUMENT = new AtomicReference<>("{\"keys\":[]}");
    private static final AtomicInteger FETCHES = new AtomicInteger();
    private static final AtomicInteger STATUS = new AtomicInteger(200);
    private static final AtomicLong HANG_MILLIS = new AtomicLong();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/control/fetches".equals(path(request))) {
            write(response, "text/plain", Integer.toString(FETCHES.get()));
            return;
        }
        if (!"/jwks".equals(path(request))) {
            response.sendError(404);
            return;
        }
        FETCHES.incrementAndGet();
        long hang = HANG_MILLIS.get();
        if (hang > 0) {
            try {
                Thread.sleep(hang);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (STATUS.get() != 200) {
            response.setStatus(STATUS.get());
            return;
        }
        write(response, "application/jwk-set+json", DOCUMENT.get());
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (path(request)) {
            case "/control/document" -> DOCUMENT.set(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            case "/control/outage" -> {
                STATUS.set(Integer.parseInt(request.getParameter("status")));
                HANG_MILLIS.set(Long.parseLong(request.getParameter("hangMillis")));
            }
            default -> {
                response.sendError(404);
                return;
            }
        }
        response.setStatus(204);
    }

    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    private static void write(HttpServletResponse response, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(type);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
