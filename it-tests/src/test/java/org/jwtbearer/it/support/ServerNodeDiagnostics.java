package org.jwtbearer.it.support;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** When a test fails, prints the state and the server log tail of the suite's nodes. */
public final class ServerNodeDiagnostics implements TestWatcher {

    private final Supplier<Collection<ServerNode>> nodes;

    public ServerNodeDiagnostics(Supplier<Collection<ServerNode>> nodes) {
        this.nodes = nodes;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (ServerNode node : nodes.get().stream().filter(Objects::nonNull).toList()) {
            System.err.printf("%n%s%n", node.diagnostics("after the failure of " + context.getDisplayName()));
        }
    }
}
