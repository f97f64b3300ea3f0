package org.jwtbearer.client.cli;

/**
 * A failure the tool reports with a message and one of its documented exit codes, so scripts can tell a
 * refusal from a typo from a dead network.
 */
final class CliException extends RuntimeException {

    /** The server answered, and the answer was a refusal or an error status. */
    static final int REFUSED = 1;
    /** The command line cannot be run (unknown option, missing value). */
    static final int USAGE = 2;
    /** Something on this machine: a key, keystore or file that cannot be read or written. */
    static final int LOCAL = 3;
    /** No usable answer: the server could not be reached, timed out, or answered unreadably. */
    static final int UNREACHABLE = 4;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
