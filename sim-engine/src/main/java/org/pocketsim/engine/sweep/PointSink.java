package org.pocketsim.engine.sweep;

/** Where an executor reports each point: once, finished or failed; called from any thread. */
public interface PointSink<R> {

    void finished(SweepPoint point, R result);

    /**
     * The point threw; {@code message} says what, in one line; {@code configError} when it was a
     * user's config error (bad input) rather than a bug or a lost file.
     */
    void failed(SweepPoint point, String message, boolean configError);

    /** Reports {@code e}, which {@code point} threw. */
    default void failed(SweepPoint point, Throwable e) {
        failed(point, message(e), e instanceof org.pocketsim.hw.config.ConfigException);
    }

    /** The one-line message of a point that threw: a config error as it is, else its type and message. */
    static String message(Throwable e) {
        String text = e.getMessage() == null ? "" : e.getMessage().replace('\n', ' ').strip();
        if (e instanceof org.pocketsim.hw.config.ConfigException) return text;
        return e.getClass().getSimpleName() + (text.isEmpty() ? "" : ": " + text);
    }
}
