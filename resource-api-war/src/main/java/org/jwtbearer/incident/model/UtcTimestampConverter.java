package org.jwtbearer.incident.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores every {@link Instant} attribute as a {@code TIMESTAMP WITH TIME ZONE} in UTC.
 *
 * <p>JPA 3.1 lists {@code Instant} as a basic type, but EclipseLink 4.0 (Payara 6) still serializes it into the
 * column as bytes; {@code OffsetDateTime} is mapped natively by every JPA 2.2+ provider, so converting to it gives
 * the same column contents under Hibernate and EclipseLink. Query parameters compared with these attributes are
 * converted too, so the API's date-time queries work unchanged.
 */
@Converter(autoApply = true)
public class UtcTimestampConverter implements AttributeConverter<Instant, OffsetDateTime> {

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
