package org.jwtbearer.client.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --name value} (or {@code --name=value}) options of one command; flags take no value; a command may
 * take a number of positional arguments. Unknown names are errors.
 */
final class Options {

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();

    private Options() {
    }

    static Options parse(List<String> args, Set<String> valued, Set<String> flags) {
        return parse(args, valued, flags, 0);
    }

    static Options parse(List<String> args, Set<String> valued, Set<String> flags, int maxPositionals) {
        Options options = new Options();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                if (options.positionals.size() >= maxPositionals) {
                    throw new UsageException("unexpected argument '" + arg + "'");
                }
                options.positionals.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String inlineValue = null;
            int eq = name.indexOf('=');
            if (eq > 0) {
                inlineValue = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                options.values.computeIfAbsent(name, n -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--" + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                options.values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return options;
    }

    @SafeVarargs
    static Set<String> names(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    Optional<String> get(String name) {
        List<String> list = values.get(name);
        return list == null ? Optional.empty() : Optional.of(list.get(list.size() - 1));
    }

    String required(String name) {
        return get(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    /** A secret option's value, resolved from {@code env:}/{@code file:}/{@code pass:} (see {@link Secrets}). */
    Optional<String> secret(String name) {
        return get(name).map(Secrets::resolve);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    int integer(String name, int defaultValue, int min, int max) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new UsageException("--" + name + " must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a whole number, got '" + value.get() + "'");
        }
    }

    List<String> positionals() {
        return positionals;
    }

    /** Thrown for a command line that cannot be run; the tool prints the message and the command's help. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
