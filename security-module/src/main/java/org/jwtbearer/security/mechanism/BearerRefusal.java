package org.jwtbearer.security.mechanism;

/**
 * Why the mechanism did not log a caller in although the request carried something meant as a bearer token:
 * {@code invalid_request} (400) for a malformed request, {@code invalid_token} (401) for a token that failed
 * verification (RFC 6750 §3.1). The mechanism answers with it at once, whatever the resource.
 */
public record BearerRefusal(int status, String error, String description) {

    public static BearerRefusal invalidRequest(String description) {
        return new BearerRefusal(400, "invalid_request", description);
    }

    public static BearerRefusal invalidToken(String description) {
        return new BearerRefusal(401, "invalid_token", description);
    }

    public String challenge(String realm) {
        return BearerChallenge.error(realm, error, description);
    }

    /** The error envelope's message: a 401 reads as ServiceNow's, a 400 names the problem. */
    public String message() {
        return status == 401 ? FailureResponse.NOT_AUTHENTICATED_MESSAGE : "Bad Request";
    }

    public String detail() {
        return status == 401 ? FailureResponse.NOT_AUTHENTICATED_DETAIL : description;
    }
}
