package org.jwtbearer.client.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.jwtbearer.client.OAuthErrorException;
import org.jwtbearer.client.TokenEndpointException;
import org.jwtbearer.security.jose.KeyMaterialException;


/**
 * {@code java -jar jwtbearer-cli.jar COMMAND [options]}: the caller's side of the JWT bearer grant from a
 * terminal — make a key, register it, mint an assertion, get a token, call an API with it.
 */
public final class JwtBearerCli {

    static final List<Command> COMMANDS = List.of(new KeygenCommand(), new AssertionCommand(), new TokenCommand(),
            new CallCommand(System.in), new RegisterCommand());

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
        String prefix = "jwtbearer " + command.get().name() + ": ";
        try {
            return command.get().run(rest, out);
        } catch (Options.UsageException e) {
            err.println(prefix + e.getMessage());
            err.println("Run 'jwtbearer " + command.get().name() + " --help' for its options.");
            return CliException.USAGE;
        } catch (CliException e) {
            err.println(prefix + e.getMessage());
            return e.exitCode();
        } catch (OAuthErrorException e) {
            err.println(prefix + "refused by the token endpoint: " + e.error() + " (HTTP " + e.status() + ")"
                    + (e.errorDescription() != null ? ": " + e.errorDescription() : ""));
            return CliException.REFUSED;
        } catch (TokenEndpointException e) {
            err.println(prefix + e.getMessage());
            return e.status().isPresent() ? CliException.REFUSED : CliException.UNREACHABLE;
        } catch (KeyMaterialException e) {
            err.println(prefix + e.getMessage());
            return CliException.LOCAL;
        } catch (Exception e) {
            err.println(prefix + "unexpected failure: " + e);
            return CliException.REFUSED;
        }
    }

    static String usage() {
        StringBuilder usage = new StringBuilder("Usage: java -jar jwtbearer-cli.jar COMMAND [options]\n\nCommands:\n");
        COMMANDS.forEach(c -> usage.append(String.format("  %-10s %s%n", c.name(), c.summary())));
        usage.append("\nRun a command with --help for its options.\n\n");
        usage.append("Exit status: 0 done; 1 the server refused or failed; 2 bad command line; 3 a local problem (key,\n");
        usage.append("keystore, file); 4 the server could not be reached or answered unreadably.\n");
        return usage.toString();
    }
}
