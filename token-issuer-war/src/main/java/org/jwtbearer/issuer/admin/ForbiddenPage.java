package org.jwtbearer.issuer.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The error page for the container's 403 (web.xml): an authenticated caller without the admin role gets
 * the same JSON envelope as every other admin API failure, whatever the HTTP method. A plain servlet,
 * because the JAX-RS application owns every other path of this WAR.
 */
@WebServlet("/errors/forbidden")
public class ForbiddenPage extends HttpServlet {

    private static final byte[] BODY = AdminJson.failure("Forbidden",
            "The admin API needs an access token of a user with the admin role").toString().getBytes(StandardCharsets.UTF_8);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
