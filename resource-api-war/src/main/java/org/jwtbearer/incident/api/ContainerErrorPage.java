package org.jwtbearer.incident.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtbearer.security.mechanism.FailureResponse;

/**
 * The error page of this WAR (web.xml): what the servlet container itself answers — a path outside the Table
 * API, a request it cannot read — comes in the Table API's envelope instead of the container's HTML page.
 * Never shows the exception the container may hold: the envelope names the status, nothing of the inside.
 */
@WebServlet(ContainerErrorPage.PATH)
public class ContainerErrorPage extends HttpServlet {

    static final String PATH = "/errors/envelope";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = answerStatus(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        byte[] body = envelope(status).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The status to answer. Asked for directly, not as an error page, there is nothing at this path for a client
     * (404). The container's 501 is its default servlet meeting a method it has no handler for (PATCH on a path
     * outside the API): for the client that is a method this URL does not support, 405, not a server failure.
     */
    static int answerStatus(Object code) {
        if (!(code instanceof Integer c) || c < 400) {
            return HttpServletResponse.SC_NOT_FOUND;
        }
        return c == HttpServletResponse.SC_NOT_IMPLEMENTED ? HttpServletResponse.SC_METHOD_NOT_ALLOWED : c;
    }

    static String envelope(int status) {
        return switch (status) {
            case 400 -> FailureResponse.envelope("Invalid request", "The request cannot be read: its URI or headers are malformed");
            case 404 -> FailureResponse.envelope("Requested URI does not represent any resource",
                    "This API serves /api/now/table/incident and /api/now/table/sys_user");
            case 405 -> FailureResponse.envelope("Method not Supported", "This method is not supported here");
            default -> status >= 500
                    ? FailureResponse.envelope("Internal server error", "The request could not be completed")
                    : FailureResponse.envelope("Request refused", "The request was refused with HTTP status " + status);
        };
    }
}
