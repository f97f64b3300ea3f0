package org.jwtbearer.client.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of the tool. */
interface Command {

    String name();

    String summary();

    String help();

    /** Runs the command; the return value is the process exit status. */
    int run(List<String> args, PrintStream out) throws Exception;
}
