package org.jwtbearer.client.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Secret option values in OpenSSL's {@code -passin} forms, so passwords and secrets need not sit on the
 * command line where {@code ps} and shell history see them: {@code env:NAME}, {@code file:PATH} (its first
 * line), {@code pass:VALUE}; any other value is the secret itself.
 */
final class Secrets {

    static final String HELP = "  (secrets: env:NAME reads an environment variable, file:PATH a file's first line, pass:VALUE is literal)\n";

    private Secrets() {
    }

    static String resolve(String value) {
        return resolve(value, System::getenv);
    }

    static String resolve(String value, UnaryOperator<String> environment) {
        if (value.startsWith("env:")) {
            String name = value.substring(4);
            String found = environment.apply(name);
            if (found == null || found.isEmpty()) {
                throw new CliException(CliException.USAGE, "environment variable " + name + " is not set");
            }
            return found;
        }
        if (value.startsWith("file:")) {
            Path file = Path.of(value.substring(5));
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                int end = content.indexOf('\n');
                return (end < 0 ? content : content.substring(0, end)).stripTrailing();
            } catch (IOException e) {
                throw new CliException(CliException.LOCAL, "cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        if (value.startsWith("pass:")) {
            return value.substring(5);
        }
        return value;
    }
}
