package org.pocketsim.engine.core;

/**
 * Action run when a scheduled event fires. The scheduler passes back the {@code payload} given
 * at scheduling time, so one handler object can serve many events without allocating a
 * closure per event (hot paths stay allocation-free).
 */
@FunctionalInterface
public interface EventHandler {

    /** Runs the event; {@link Scheduler#nowPs()} is the event's time while this runs. */
    void onEvent(int payload);
}
