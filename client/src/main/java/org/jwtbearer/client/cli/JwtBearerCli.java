package org.jwtbearer.client.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;


/**
 * {@code java -jar jwtbearer-cli.jar COMMAND [options]}: the caller's side of the JWT bearer grant from a
 * terminal — make a key, mint an assertion, ask a token endpoint for a token.
 */
public final class JwtBearerCli {

    static final List<Command> COMMANDS = List.of(new KeygenCommand(), new AssertionCommand(), new TokenCommand());

    private JwtBearerCli() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
            out.print(usage());
            return args.isEmpty() ? 2 : 0;
        }
        Optional<Command> command = COMMANDS.stream().filter(c -> c.name().equals(args.get(0))).findFirst();
        if (command.isEmpty()) {
            err.println("Unknown command '" + args.get(0) + "'.");
            err.print(usage());
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        if (rest.contains("--help")) {
            out.print(command.get().help());
            return 0;
        }
        try {
            return command.get().run(rest, out);
        } catch (Options.UsageException e) {
            err.println("jwtbearer " + command.get().name() + ": " + e.getMessage());
            err.print(command.get().help());
            return 2;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("jwtbearer " + command.get().name() + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("jwtbearer " + command.get().name() + ": " + e);
            return 1;
        }
    }

    static String usage() {
        StringBuilder usage = new StringBuilder("Usage: java -jar jwtbearer-cli.jar COMMAND [options]\n\nCommands:\n");
        COMMANDS.forEach(c -> usage.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        usage.append("\nRun a command with --help for its options.\n");
        return usage.toString();
    }
}
