package org.pocketsim.engine.core;

import java.util.Arrays;

/**
 * Discrete-event scheduler: time is a {@code long} in picoseconds and events fire in the total
 * order (time, phase, sequence). Phase orders events at the same instant (lower first, e.g.
 * completions before new issues); sequence is the scheduling order, so ties never depend on
 * queue layout and a run is reproducible event for event.
 *
 * <p>Pending events live in a {@link RadixEventQueue} (a radix heap on time, exploiting that
 * simulated time never goes backwards) of (time, slot) entries; handler, payload and the packed
 * (phase, sequence) tie-breaker sit in a slot pool, so scheduling, firing and
 * cancelling allocate nothing once the arrays have grown to the peak population. A handle is
 * the slot index plus a generation stamp, so a stale handle (event already fired or
 * cancelled) is recognised and ignored. Cancellation is lazy: the slot is marked dead in O(1)
 * and its queue entry is discarded when it comes out.
 *
 * <p>One scheduler per run; it holds no static state and is not thread-safe.
 */
public final class Scheduler {

    /** Largest phase accepted; phases share a {@code long} with the 48-bit sequence number. */
    public static final int MAX_PHASE = (1 << 15) - 1;

    private static final int SEQUENCE_BITS = 48;
    private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;
    private static final int INITIAL_CAPACITY = 64;
    private static final long LOW_BITS = 0xffff_ffffL;

    private final RadixEventQueue queue;

    /** Handler of a pending event; null once the slot is fired, cancelled or free. */
    private EventHandler[] slotHandler;
    /**
     * Generation in the high 32 bits; the low 32 hold the payload of a pending event, or the next
     * free slot (-1 ends the list) of a free one. One word, so firing touches one cache line.
     */
    private long[] slotState;
    /** Phase in the high bits, sequence in the low 48: compared only when times tie. */
    private long[] slotOrder;
    private int freeHead;
    private int slotsUsed;
    /** Queue entries whose event was cancelled and not yet discarded. */
    private int cancelledInQueue;

    private long nowPs;
    private long nextSequence;
    private long firedCount;
    private EventLog log;

    public Scheduler() {
        slotHandler = new EventHandler[INITIAL_CAPACITY];
        slotState = new long[INITIAL_CAPACITY];
        slotOrder = new long[INITIAL_CAPACITY];
        queue = new RadixEventQueue(slotOrder);
        freeHead = -1;
    }

    /** Installs an observer of every fired event (null removes it). */
    public void setEventLog(EventLog eventLog) {
        this.log = eventLog;
    }

    /** Current simulated time in picoseconds: the time of the event being fired or last fired. */
    public long nowPs() {
        return nowPs;
    }

    /** Number of events scheduled and neither fired nor cancelled. */
    public int pendingCount() {
        return queue.size() - cancelledInQueue;
    }

    /** Number of events fired since construction. */
    public long firedCount() {
        return firedCount;
    }

    /** Schedules at absolute time {@code timePs} (not before now); returns a handle for cancel. */
    public long scheduleAt(long timePs, int phase, EventHandler handler, int payload) {
        if (timePs < nowPs) {
            throw new IllegalArgumentException("event time " + timePs + " ps is before now " + nowPs + " ps");
        }
        if (timePs == Long.MAX_VALUE) {
            throw new IllegalArgumentException("event time " + timePs + " ps is past the end of simulated time");
        }
        if (phase < 0 || phase > MAX_PHASE) {
            throw new IllegalArgumentException("phase " + phase + " outside 0.." + MAX_PHASE);
        }
        if (handler == null) {
            throw new IllegalArgumentException("handler is null");
        }
        if (nextSequence > MAX_SEQUENCE) {
            throw new IllegalStateException("sequence numbers exhausted");
        }
        int slot = allocateSlot();
        long generation = slotState[slot] >>> 32;
        slotHandler[slot] = handler;
        slotState[slot] = (generation << 32) | (payload & LOW_BITS);
        slotOrder[slot] = ((long) phase << SEQUENCE_BITS) | nextSequence++;
        queue.add(timePs, slot);
        return (generation << 32) | slot;
    }

    /** Schedules {@code delayPs} (>= 0) after now; returns a handle for cancel. */
    public long scheduleAfter(long delayPs, int phase, EventHandler handler, int payload) {
        if (delayPs < 0) {
            throw new IllegalArgumentException("negative delay " + delayPs + " ps");
        }
        if (delayPs >= Long.MAX_VALUE - nowPs) {
            throw new IllegalArgumentException("delay " + delayPs + " ps runs past the end of simulated time");
        }
        return scheduleAt(nowPs + delayPs, phase, handler, payload);
    }

    /**
     * Cancels a pending event. Returns true if it was pending; false if it already fired, was
     * already cancelled or the handle is unknown. A cancelled event never fires.
     */
    public boolean cancel(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= slotsUsed || slotHandler[slot] == null
                || (slotState[slot] >>> 32) != (handle >>> 32)) {
            return false;
        }
        slotHandler[slot] = null;
        slotState[slot] += 1L << 32;
        cancelledInQueue++;
        return true;
    }

    /** Fires the earliest pending event; returns false if none was pending. */
    public boolean step() {
        return fireNext(Long.MAX_VALUE);
    }

    /** Fires the earliest pending event if its time is <= {@code boundPs}; false if there is none. */
    private boolean fireNext(long boundPs) {
        long timePs;
        int slot;
        while (true) {
            timePs = queue.minTimeAtMost(boundPs);
            if (timePs == Long.MAX_VALUE) {
                return false;
            }
            slot = queue.removeMin();
            if (slotHandler[slot] != null) {
                break;
            }
            cancelledInQueue--;
            freeSlot(slot);
        }
        long order = slotOrder[slot];
        EventHandler handler = slotHandler[slot];
        long state = slotState[slot];
        int payload = (int) state;
        slotHandler[slot] = null;
        slotState[slot] = state + (1L << 32);
        freeSlot(slot);
        nowPs = timePs;
        firedCount++;
        if (log != null) {
            log.record(timePs, (int) (order >>> SEQUENCE_BITS), order & MAX_SEQUENCE, payload);
        }
        handler.onEvent(payload);
        return true;
    }

    /** Fires events until none is pending. */
    public void run() {
        while (step()) {
            // each step fires one event
        }
    }

    /** Fires every event with time <= {@code endPs}, then advances now to {@code endPs}. */
    public void runUntil(long endPs) {
        if (endPs < nowPs) {
            throw new IllegalArgumentException("end " + endPs + " ps is before now " + nowPs + " ps");
        }
        while (fireNext(endPs)) {
            // each call fires one event
        }
        nowPs = endPs;
    }

    private int allocateSlot() {
        int slot;
        if (freeHead >= 0) {
            slot = freeHead;
            freeHead = (int) slotState[slot];
        } else {
            if (slotsUsed == slotHandler.length) {
                growSlots();
            }
            slot = slotsUsed++;
        }
        return slot;
    }

    /** Returns a fired or cancelled slot (generation already advanced) to the free list. */
    private void freeSlot(int slot) {
        slotState[slot] = (slotState[slot] & ~LOW_BITS) | (freeHead & LOW_BITS);
        freeHead = slot;
    }

    private void growSlots() {
        int capacity = slotHandler.length * 2;
        slotHandler = Arrays.copyOf(slotHandler, capacity);
        slotState = Arrays.copyOf(slotState, capacity);
        slotOrder = Arrays.copyOf(slotOrder, capacity);
        queue.setOrder(slotOrder);
    }
}
