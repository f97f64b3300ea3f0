package org.jwtbearer.it.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What no answer may be, whatever was asked: a server error, no answer at all (a hang), or one that shows the
 * implementation — a stack trace, a Java class or exception name. A server that closes a malformed request without
 * answering is acceptable (status 0); it is the HTTP layer's refusal, not a failure of ours. So is Payara's bodiless
 * 505 to a request line whose target holds whitespace: its listener reads the text after the first space as the
 * protocol version, and no application code runs (RFC 9112 §3.2 asks for a 400, which WildFly answers).
 */
public final class AnswerCheck {

    private static final Pattern STACK_FRAME = Pattern.compile("(^|\\s)at [\\w$.]+\\([\\w$]*\\.java:\\d+\\)|Caused by: ");
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(java|javax|jakarta|sun|com\\.sun|org\\.jboss|org\\.wildfly|io\\.undertow|io\\.smallrye|org\\.jwtbearer|org\\.glassfish"
                    + "|fish\\.payara|org\\.eclipse|org\\.hibernate|org\\.jose4j|org\\.postgresql|org\\.h2|org\\.flywaydb)"
                    + "\\.[a-z][\\w]*(\\.[\\w$]+)*\\.[A-Z][\\w$]*");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z]\\w*(Exception|StackOverflowError|OutOfMemoryError)\\b");

    private AnswerCheck() {
    }

    public static List<String> problems(RawRequest request, RawResponse response) {
        List<String> problems = new ArrayList<>();
        if (response.status() < 0) {
            problems.add("no answer (a hang)");
        } else if (response.status() >= 500 && !versionRefusalOfMalformedRequestLine(request, response)) {
            problems.add("status " + response.status());
        }
        String answer = response.head() + "\n" + response.body();
        find(STACK_FRAME, answer, "a stack trace", problems);
        find(CLASS_NAME, answer, "a Java class name", problems);
        find(EXCEPTION_NAME, answer, "an exception name", problems);
        return problems;
    }

    private static boolean versionRefusalOfMalformedRequestLine(RawRequest request, RawResponse response) {
        return response.status() == 505 && response.body().isEmpty() && request.target().chars().anyMatch(Character::isWhitespace);
    }

    private static void find(Pattern pattern, String answer, String what, List<String> problems) {
        Matcher m = pattern.matcher(answer);
        if (m.find()) {
            problems.add(what + " ('" + Printable.cut(m.group(), 80) + "')");
        }
    }
}
