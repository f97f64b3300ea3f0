package org.jwtbearer.security.json;

import java.util.Optional;

/**
 * Checks the outline of an untrusted JSON text before a parser builds anything from it: at most
 * {@code maxDepth} nested objects and arrays, and nothing but whitespace after the first value.
 *
 * <p>Why not leave both to the JSON-P parser: its depth limit is implementation-specific (Parsson throws a
 * bare {@code RuntimeException} at 1,000 levels, which surfaces as a 500 with a stack trace in the log, and
 * other implementations may simply recurse until the stack overflows), and {@code JsonReader.readObject()}
 * stops at the end of the first value, so {@code {"a":1} xx} would be read as if the rest were not there.
 * Counting brackets outside strings is enough for both and is the same on every server. Everything else
 * (syntax, duplicate members, encoding) stays the parser's job: this class only says "too deep" or "text
 * after the value", or nothing.
 */
public final class JsonTextShape {

    private JsonTextShape() {
    }

    /** What is wrong with the outline of {@code text}, in words fit for the client; empty when nothing is. */
    public static Optional<String> problem(String text, int maxDepth) {
        int depth = 0;
        boolean inString = false;
        int i = skipWhitespace(text, 0);
        if (i == text.length() || (text.charAt(i) != '{' && text.charAt(i) != '[')) {
            return Optional.empty(); // a bare value, or nothing: not nested, and the caller's parser judges it
        }
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++; // the escaped character cannot end the string
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > maxDepth) {
                    return Optional.of("is nested deeper than " + maxDepth + " levels");
                }
            } else if ((c == '}' || c == ']') && --depth <= 0) {
                return skipWhitespace(text, i + 1) == text.length() ? Optional.empty()
                        : Optional.of("has text after the end of its JSON value");
            }
        }
        return Optional.empty(); // unterminated: the parser says where
    }

    /** JSON's whitespace only (RFC 8259 section 2): space, tab, line feed, carriage return. */
    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }
}
