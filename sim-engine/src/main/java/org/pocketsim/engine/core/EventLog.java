package org.pocketsim.engine.core;

/**
 * Observer of every event the scheduler fires, in firing order. Used by determinism tests
 * and debugging; a scheduler without a log pays nothing for it.
 */
@FunctionalInterface
public interface EventLog {

    /** Called just before the handler of the event runs. */
    void record(long timePs, int phase, long sequence, int payload);
}
