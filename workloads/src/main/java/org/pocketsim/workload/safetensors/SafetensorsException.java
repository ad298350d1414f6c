package org.pocketsim.workload.safetensors;

/** A safetensors file that cannot be read or written; the message is one line naming the file (and tensor). */
public class SafetensorsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SafetensorsException(String message) {
        super(message);
    }

    public SafetensorsException(String message, Throwable cause) {
        super(message, cause);
    }
}
