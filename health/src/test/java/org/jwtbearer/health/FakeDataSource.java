package org.jwtbearer.health;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/** A data source that hands out connections valid or not, refuses, or hangs until released; and counts. */
final class FakeDataSource {

    volatile boolean valid = true;
    volatile SQLException refusal;
    volatile CountDownLatch hang;
    final AtomicInteger borrowed = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    volatile int validationTimeout = -1;

    DataSource build() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    borrowed.incrementAndGet();
                    if (hang != null) {
                        BoundedCallTest.awaitUninterruptibly(hang);
                    }
                    if (refusal != null) {
                        throw refusal;
                    }
                    return connection();
                });
    }

    private Connection connection() {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isValid" -> {
                        validationTimeout = (Integer) args[0];
                        yield valid;
                    }
                    case "close" -> {
                        closed.incrementAndGet();
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
