package org.jwtbearer.security.http;

/**
 * The characters an {@code error_description} may hold: RFC 6749 section 5.2 and RFC 6750 section 3 allow
 * only %x20-21 / %x23-5B / %x5D-7E (printable ASCII without {@code "} and {@code \}). Descriptions are
 * written to fit; this is the last guard before one leaves the server, so text taken from a request, or a
 * message someone writes later, can never break a client's parser or a quoted header value.
 */
public final class ErrorDescription {

    private ErrorDescription() {
    }

    public static boolean allowed(char c) {
        return c == 0x20 || c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
    }

    /** {@code text} with every character outside the allowed set replaced by {@code ?}. */
    public static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(allowed(c) ? c : '?');
        }
        return out.toString();
    }
}
