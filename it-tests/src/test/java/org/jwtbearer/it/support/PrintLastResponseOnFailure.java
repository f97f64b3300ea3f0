package org.jwtbearer.it.support;

import java.net.http.HttpResponse;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** When a test fails, shows the last HTTP exchange it made: usually the quickest way to see why. */
public class PrintLastResponseOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        HttpResponse<String> last = Http.last();
        if (last != null) {
            System.err.printf("%n--- last response of %s ---%n%s %s%nHTTP %d%n%s%n%s%n---%n",
                    context.getDisplayName(), last.request().method(), last.request().uri(), last.statusCode(),
                    last.headers().map(), Optional.ofNullable(last.body()).orElse(""));
        }
    }
}
