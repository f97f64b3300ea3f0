package org.jwtbearer.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Ready only while the application's database answers: borrows a connection from the pool the application uses
 * and asks the driver whether it is valid; the whole check takes at most {@link #LIMIT}, however the database hangs.
 *
 * <p>Reports {@code database: reachable|unreachable}, never the cause (a health endpoint may be public); the cause
 * is logged once when the database becomes unreachable, and its return once.
 */
public final class DatabaseReadiness implements HealthCheck {

    static final int VALIDATION_SECONDS = 2;
    static final Duration LIMIT = Duration.ofSeconds(3);
    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    private final String name;
    private final DataSource dataSource;
    private final BoundedCall calls;
    private final AtomicBoolean lastReachable = new AtomicBoolean(true);

    DatabaseReadiness(String name, DataSource dataSource, BoundedCall calls) {
        this.name = name;
        this.dataSource = dataSource;
        this.calls = calls;
    }

    /** @param threads where each check runs, so that the probe's own thread waits at most {@link #LIMIT} */
    public static DatabaseReadiness of(String name, DataSource dataSource, ThreadFactory threads) {
        return new DatabaseReadiness(name, dataSource, BoundedCall.onOwnThreads(threads, LIMIT));
    }

    @Override
    public HealthCheckResponse call() {
        boolean reachable = reachable();
        return new HealthCheckResponse(name, reachable ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                Optional.of(Map.of("database", reachable ? "reachable" : "unreachable")));
    }

    private boolean reachable() {
        try {
            if (calls.run(this::connectionValid)) {
                changed(true, "the database is reachable again");
                return true;
            }
            changed(false, "the database is unreachable: a borrowed connection is not valid");
        } catch (TimeoutException e) {
            changed(false, "the database is unreachable: no valid connection within " + LIMIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            changed(false, "the database is unreachable: " + summary(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private boolean connectionValid() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        }
    }

    /** One line per change, not per probe: a probe every few seconds must not fill the log while the database is down. */
    private void changed(boolean reachable, String line) {
        if (lastReachable.getAndSet(reachable) != reachable) {
            if (reachable) {
                LOG.info(() -> name + ": " + line);
            } else {
                LOG.warning(() -> name + ": " + line);
            }
        }
    }

    /** The innermost cause and the first line of its message: what the pool and the driver say, without a stack trace. */
    static String summary(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip().lines().findFirst().orElse("");
        return root.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
    }
}
