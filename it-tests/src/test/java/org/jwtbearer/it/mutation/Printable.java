package org.jwtbearer.it.mutation;

/** Bytes and text shown in a failure message: printable ASCII as is, everything else escaped, long text cut. */
final class Printable {

    private Printable() {
    }

    static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append((char) c);
            } else {
                out.append(String.format("\\x%02x", c));
            }
        }
        return out.toString();
    }

    static String cut(String text, int max) {
        if (text == null) {
            return "null";
        }
        String escaped = escape(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return escaped.length() <= max ? escaped : escaped.substring(0, max) + "…(" + escaped.length() + " chars)";
    }
}
