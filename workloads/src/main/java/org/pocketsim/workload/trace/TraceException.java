package org.pocketsim.workload.trace;

/** A trace that cannot be read, validated or written; the message is one line naming the directory or file. */
public class TraceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TraceException(String message) {
        super(message);
    }

    public TraceException(String message, Throwable cause) {
        super(message, cause);
    }
}
