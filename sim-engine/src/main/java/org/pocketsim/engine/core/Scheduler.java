package org.pocketsim.engine.core;

import java.util.Arrays;

/**
 * Discrete-event scheduler: time is a {@code long} in picoseconds and events fire in the total
 * order (time, phase, sequence). Phase orders events at the same instant (lower first, e.g.
 * completions before new issues); sequence is the scheduling order, so ties never depend on
 * heap layout and a run is reproducible event for event.
 *
 * <p>Pending events live in a 4-ary min-heap over parallel primitive arrays (time, packed
 * phase+sequence, slot); handler and payload sit in a slot pool, so scheduling, firing and
 * cancelling allocate nothing once the arrays have grown to the peak population. A handle is
 * the slot index plus a generation stamp, so a stale handle (event already fired or
 * cancelled) is recognised and ignored.
 *
 * <p>One scheduler per run; it holds no static state and is not thread-safe.
 */
public final class Scheduler {

    /** Largest phase accepted; phases share a {@code long} with the 48-bit sequence number. */
    public static final int MAX_PHASE = (1 << 15) - 1;

    private static final int SEQUENCE_BITS = 48;
    private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;
    private static final int INITIAL_CAPACITY = 64;

    private long[] heapTimePs;
    private long[] heapOrder;
    private int[] heapSlot;
    private int size;

    private EventHandler[] slotHandler;
    private int[] slotPayload;
    private int[] slotGeneration;
    /** Heap position of a live slot; for a free slot, the next free slot (or -1). */
    private int[] slotLink;
    private boolean[] slotLive;
    private int freeHead;
    private int slotsUsed;

    private long nowPs;
    private long nextSequence;
    private long firedCount;
    private EventLog log;

    public Scheduler() {
        heapTimePs = new long[INITIAL_CAPACITY];
        heapOrder = new long[INITIAL_CAPACITY];
        heapSlot = new int[INITIAL_CAPACITY];
        slotHandler = new EventHandler[INITIAL_CAPACITY];
        slotPayload = new int[INITIAL_CAPACITY];
        slotGeneration = new int[INITIAL_CAPACITY];
        slotLink = new int[INITIAL_CAPACITY];
        slotLive = new boolean[INITIAL_CAPACITY];
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
        return size;
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
        slotHandler[slot] = handler;
        slotPayload[slot] = payload;
        if (size == heapTimePs.length) {
            growHeap();
        }
        siftUp(size++, timePs, ((long) phase << SEQUENCE_BITS) | nextSequence++, slot);
        return ((long) slotGeneration[slot] << 32) | slot;
    }

    /** Schedules {@code delayPs} (>= 0) after now; returns a handle for cancel. */
    public long scheduleAfter(long delayPs, int phase, EventHandler handler, int payload) {
        if (delayPs < 0) {
            throw new IllegalArgumentException("negative delay " + delayPs + " ps");
        }
        return scheduleAt(nowPs + delayPs, phase, handler, payload);
    }

    /**
     * Cancels a pending event. Returns true if it was pending; false if it already fired, was
     * already cancelled or the handle is unknown. A cancelled event never fires.
     */
    public boolean cancel(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= slotsUsed || !slotLive[slot] || slotGeneration[slot] != (int) (handle >>> 32)) {
            return false;
        }
        removeAt(slotLink[slot]);
        freeSlot(slot);
        return true;
    }

    /** Fires the earliest pending event; returns false if none was pending. */
    public boolean step() {
        if (size == 0) {
            return false;
        }
        int slot = heapSlot[0];
        long timePs = heapTimePs[0];
        long order = heapOrder[0];
        removeAt(0);
        EventHandler handler = slotHandler[slot];
        int payload = slotPayload[slot];
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
        while (size > 0 && heapTimePs[0] <= endPs) {
            step();
        }
        nowPs = endPs;
    }

    private int allocateSlot() {
        int slot;
        if (freeHead >= 0) {
            slot = freeHead;
            freeHead = slotLink[slot];
        } else {
            if (slotsUsed == slotHandler.length) {
                growSlots();
            }
            slot = slotsUsed++;
        }
        slotLive[slot] = true;
        return slot;
    }

    private void freeSlot(int slot) {
        slotLive[slot] = false;
        slotHandler[slot] = null;
        slotGeneration[slot]++;
        slotLink[slot] = freeHead;
        freeHead = slot;
    }

    private void removeAt(int pos) {
        int last = --size;
        if (pos == last) {
            return;
        }
        long timePs = heapTimePs[last];
        long order = heapOrder[last];
        int slot = heapSlot[last];
        if (pos > 0 && before(timePs, order, heapTimePs[(pos - 1) >> 2], heapOrder[(pos - 1) >> 2])) {
            siftUp(pos, timePs, order, slot);
        } else {
            siftDown(pos, timePs, order, slot);
        }
    }

    private static boolean before(long timeA, long orderA, long timeB, long orderB) {
        return timeA < timeB || (timeA == timeB && orderA < orderB);
    }

    private void siftUp(int pos, long timePs, long order, int slot) {
        while (pos > 0) {
            int parent = (pos - 1) >> 2;
            long parentTime = heapTimePs[parent];
            if (!before(timePs, order, parentTime, heapOrder[parent])) {
                break;
            }
            place(pos, parentTime, heapOrder[parent], heapSlot[parent]);
            pos = parent;
        }
        place(pos, timePs, order, slot);
    }

    private void siftDown(int pos, long timePs, long order, int slot) {
        int n = size;
        while (true) {
            int first = (pos << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bestTime = heapTimePs[first];
            long bestOrder = heapOrder[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                long t = heapTimePs[c];
                if (t < bestTime || (t == bestTime && heapOrder[c] < bestOrder)) {
                    best = c;
                    bestTime = t;
                    bestOrder = heapOrder[c];
                }
            }
            if (!before(bestTime, bestOrder, timePs, order)) {
                break;
            }
            place(pos, bestTime, bestOrder, heapSlot[best]);
            pos = best;
        }
        place(pos, timePs, order, slot);
    }

    private void place(int pos, long timePs, long order, int slot) {
        heapTimePs[pos] = timePs;
        heapOrder[pos] = order;
        heapSlot[pos] = slot;
        slotLink[slot] = pos;
    }

    private void growHeap() {
        int capacity = heapTimePs.length * 2;
        heapTimePs = Arrays.copyOf(heapTimePs, capacity);
        heapOrder = Arrays.copyOf(heapOrder, capacity);
        heapSlot = Arrays.copyOf(heapSlot, capacity);
    }

    private void growSlots() {
        int capacity = slotHandler.length * 2;
        slotHandler = Arrays.copyOf(slotHandler, capacity);
        slotPayload = Arrays.copyOf(slotPayload, capacity);
        slotGeneration = Arrays.copyOf(slotGeneration, capacity);
        slotLink = Arrays.copyOf(slotLink, capacity);
        slotLive = Arrays.copyOf(slotLive, capacity);
    }
}
