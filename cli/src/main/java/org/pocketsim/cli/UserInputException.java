package org.pocketsim.cli;

/**
 * A user error found by a command outside config parsing (e.g. an output directory that cannot be
 * written). The CLI prints its message on one line and exits with code 2.
 */
public final class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }
}
