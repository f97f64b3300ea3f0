package org.jwtbearer.incident.query;

import java.time.Instant;
import java.util.Objects;

/** A value of a condition, already of its field's type. */
public sealed interface QueryValue {

    /** A string or reference value, as given. */
    record Text(String value) implements QueryValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A whole number. */
    record Whole(long value) implements QueryValue {
    }

    /** {@code true} or {@code false}. */
    record Flag(boolean value) implements QueryValue {
    }

    /**
     * A date-time as written, which names a period rather than an instant: {@code 2024-05-01 10:00:00} is that
     * whole second, {@code 2024-05-01} that whole day (UTC). Stored times carry fractions of a second that the
     * API never shows, so {@code opened_at=<the value a record shows>} must still find that record.
     *
     * @param start the first instant of the period
     * @param end the first instant after it
     */
    record Moment(Instant start, Instant end) implements QueryValue {
        public Moment {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("end must be after start");
            }
        }
    }
}
