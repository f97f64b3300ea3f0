package org.jwtbearer.incident.api;

/** A request the Table API refuses, answered with ServiceNow's error envelope. */
public class TableApiException extends RuntimeException {

    private final int status;
    private final String detail;

    public TableApiException(int status, String message, String detail) {
        super(message, null, false, false);
        this.status = status;
        this.detail = detail;
    }

    public static TableApiException badRequest(String detail) {
        return new TableApiException(400, "Invalid request", detail);
    }

    public static TableApiException notFound(String detail) {
        return new TableApiException(404, "No Record found", detail);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }
}
