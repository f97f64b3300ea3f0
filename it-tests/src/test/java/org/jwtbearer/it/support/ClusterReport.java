package org.jwtbearer.it.support;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How the cluster suite reports what it waited for and what went wrong. The {@code [ClusterIT]} lines are printed
 * for passing runs too, so that a run shows how close each propagation and recovery came to its bound; a failure
 * under load names a few offending requests, not the thousands made.
 */
public final class ClusterReport {

    private ClusterReport() {
    }

    public static void report(String what, Poll.Result<?> result) {
        System.out.printf("[ClusterIT] %s: %s in %d ms (%d attempts)%n", what, result.met() ? "yes" : "NO", result.took().toMillis(), result.attempts());
    }

    /** Like {@link Poll.Result#describe()}, but with the last answer's body, which is what says why it was not the awaited one. */
    public static String describe(Poll.Result<HttpResponse<String>> result) {
        HttpResponse<String> last = result.last();
        return (result.met() ? "after " : "not within ") + result.took().toMillis() + " ms, " + result.attempts()
                + " attempts; last: " + (last == null ? "no answer" : last.statusCode() + " " + last.body());
    }

    public static List<String> firstFew(Stream<?> items) {
        return items.limit(10).map(String::valueOf).toList();
    }

    /** Every exchange, one a line: for a handful of concurrent requests, all of them are the evidence. */
    public static String lines(List<Exchange> exchanges) {
        return exchanges.stream().map(Exchange::toString).collect(Collectors.joining("\n"));
    }
}
