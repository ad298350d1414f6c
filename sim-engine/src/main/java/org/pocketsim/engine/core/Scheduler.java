package org.pocketsim.engine.core;

import java.util.Arrays;

/**
 * Discrete-event scheduler: time is a {@code long} in picoseconds and events fire in the total
 * order (time, phase, sequence). Phase orders events at the same instant (lower first, e.g.
 * completions before new issues); sequence is the scheduling order, so ties never depend on
 * queue layout and a run is reproducible event for event.
 *
 * <p>Pending events live in a {@link RadixEventQueue} (a radix heap on time, exploiting that
 * simulated time never goes backwards) whose entries carry time, the packed (phase, sequence)
 * tie-breaker, the payload and a slot index, so ordering an event touches only the queue's
 * sequential arrays. The slot pool holds what cannot be packed into a long: the handler, plus a
 * stamp (the low 32 bits of the event's sequence number) that identifies the event in its slot.
 * Firing reads one slot word (the handler) and freed slots go on a LIFO stack, so the next
 * scheduled event reuses the slot just fired while its line is still cached. Nothing is
 * allocated once the arrays have grown to the peak population. A handle is the slot index plus
 * the stamp, so a stale handle (event already fired or cancelled, slot reused) is recognised and
 * ignored. Cancellation is lazy: the slot's handler is cleared in O(1) and its queue entry is
 * discarded (and the slot freed) when it comes out.
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

    private final RadixEventQueue queue = new RadixEventQueue();

    /** Handler of a pending event; null once the slot is fired, cancelled or free. */
    private EventHandler[] slotHandler = new EventHandler[INITIAL_CAPACITY];
    /** Low 32 bits of the sequence number of the slot's latest event: the handle's check word. */
    private int[] slotStamp = new int[INITIAL_CAPACITY];
    /** Free slots, most recently freed on top. */
    private int[] freeSlots = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int slotsUsed;
    /** Queue entries whose event was cancelled and not yet discarded. */
    private int cancelledInQueue;

    private long nowPs;
    private long nextSequence;
    private long firedCount;
    private EventLog log;

    public Scheduler() {
        queue.setSlotTable(slotHandler);
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
        if (timePs < nowPs || timePs == Long.MAX_VALUE || phase < 0 || phase > MAX_PHASE || handler == null
                || nextSequence > MAX_SEQUENCE) {
            throw rejection(timePs, phase);
        }
        int slot = allocateSlot();
        long sequence = nextSequence++;
        slotHandler[slot] = handler;
        slotStamp[slot] = (int) sequence;
        queue.add(timePs, ((long) phase << SEQUENCE_BITS) | sequence, ((long) slot << 32) | (payload & LOW_BITS));
        return (sequence << 32) | slot;
    }

    /** Schedules {@code delayPs} (>= 0) after now; returns a handle for cancel. */
    public long scheduleAfter(long delayPs, int phase, EventHandler handler, int payload) {
        if (delayPs < 0 || delayPs >= Long.MAX_VALUE - nowPs) {
            throw delayRejection(delayPs);
        }
        return scheduleAt(nowPs + delayPs, phase, handler, payload);
    }

    /** The error for a rejected {@link #scheduleAt}, kept out of the hot method so it inlines. */
    private RuntimeException rejection(long timePs, int phase) {
        if (timePs < nowPs) {
            return new IllegalArgumentException("event time " + timePs + " ps is before now " + nowPs + " ps");
        }
        if (timePs == Long.MAX_VALUE) {
            return new IllegalArgumentException("event time " + timePs + " ps is past the end of simulated time");
        }
        if (phase < 0 || phase > MAX_PHASE) {
            return new IllegalArgumentException("phase " + phase + " outside 0.." + MAX_PHASE);
        }
        if (nextSequence > MAX_SEQUENCE) {
            return new IllegalStateException("sequence numbers exhausted");
        }
        return new IllegalArgumentException("handler is null");
    }

    private static RuntimeException delayRejection(long delayPs) {
        if (delayPs < 0) {
            return new IllegalArgumentException("negative delay " + delayPs + " ps");
        }
        return new IllegalArgumentException("delay " + delayPs + " ps runs past the end of simulated time");
    }

    /**
     * Cancels a pending event. Returns true if it was pending; false if it already fired, was
     * already cancelled or the handle is unknown. A cancelled event never fires.
     */
    public boolean cancel(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= slotsUsed || slotHandler[slot] == null
                || slotStamp[slot] != (int) (handle >>> 32)) {
            return false;
        }
        slotHandler[slot] = null;
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
        long ref;
        EventHandler handler;
        int slot;
        while (true) {
            timePs = queue.minTimeAtMost(boundPs);
            if (timePs == Long.MAX_VALUE) {
                return false;
            }
            ref = queue.removeMin();
            slot = (int) (ref >>> 32);
            handler = slotHandler[slot];
            if (handler != null) {
                break;
            }
            cancelledInQueue--;
            freeSlot(slot);
        }
        int payload = (int) ref;
        slotHandler[slot] = null;
        freeSlot(slot);
        nowPs = timePs;
        firedCount++;
        if (log != null) {
            record(timePs, payload);
        }
        handler.onEvent(payload);
        return true;
    }

    private void record(long timePs, int payload) {
        long order = queue.removedOrder();
        log.record(timePs, (int) (order >>> SEQUENCE_BITS), order & MAX_SEQUENCE, payload);
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
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == slotHandler.length) {
            growSlots();
        }
        return slotsUsed++;
    }

    /** Returns a fired or cancelled slot (handler already cleared) to the free stack. */
    private void freeSlot(int slot) {
        freeSlots[freeCount++] = slot;
    }

    private void growSlots() {
        int capacity = slotHandler.length * 2;
        slotHandler = Arrays.copyOf(slotHandler, capacity);
        slotStamp = Arrays.copyOf(slotStamp, capacity);
        queue.setSlotTable(slotHandler);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }
}
