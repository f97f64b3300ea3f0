package org.jwtbearer.issuer.config;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Issuer settings for unit tests, made the way the server makes them — {@link IssuerSettings#from(Config)}
 * over the documented keys — from a map of just the keys a test cares about.
 */
public final class TestSettings {

    public static final String ISSUER = "https://issuer.example.com";

    private TestSettings() {
    }

    /** The issuer {@link #ISSUER} with every other setting at its default, then {@code overrides}. */
    public static IssuerSettings with(String... keysAndValues) {
        Map<String, String> values = new HashMap<>();
        values.put("jwtbearer.issuer", ISSUER);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return IssuerSettings.from(new MapConfig(values));
    }

    /** A MicroProfile Config over a map, converting to the few types the settings read. */
    private record MapConfig(Map<String, String> values) implements Config {

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            String value = values.get(name);
            if (value == null) {
                return Optional.empty();
            }
            if (type == String.class) {
                return Optional.of((T) value);
            }
            if (type == Long.class) {
                return Optional.of((T) Long.valueOf(value.trim()));
            }
            if (type == Integer.class) {
                return Optional.of((T) Integer.valueOf(value.trim()));
            }
            if (type == Boolean.class) {
                return Optional.of((T) Boolean.valueOf(value.trim()));
            }
            if (type == Duration.class) {
                return Optional.of((T) Duration.parse(value.trim()));
            }
            throw new IllegalArgumentException("no converter for " + type);
        }

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<List<T>> getOptionalValues(String name, Class<T> type) {
            return getOptionalValue(name, String.class).map(v -> java.util.Arrays.stream(v.split(","))
                    .map(part -> (T) part.trim()).toList());
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new IllegalArgumentException();
        }
    }

}
