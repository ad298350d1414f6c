package org.pocketsim.engine.sweep;

import java.util.function.Function;

/**
 * What running one point means: {@code local} runs it in this JVM (with what the driver already
 * prepared), {@code remote} is a serialisable recipe that rebuilds the same work in another JVM
 * (a Spark executor), or null when the sweep can only run here.
 *
 * @param type   the result type, read back from a remote point's JSON
 * @param local  runs one point here
 * @param remote runs one point elsewhere and answers its result as JSON; null when not possible
 * @param <R>    result type, serialisable to JSON with Jackson
 */
public record PointWork<R>(Class<R> type, Function<SweepPoint, R> local, RemotePointWork remote) {
}
