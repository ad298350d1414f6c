package org.pocketsim.engine.core;

import java.util.Arrays;

/**
 * Discrete-event scheduler: time is a {@code long} in picoseconds and events fire in the total
 * order (time, phase, sequence). Phase orders events at the same instant (lower first, e.g.
 * completions before new issues); sequence is the scheduling order, so ties never depend on
 * heap layout and a run is reproducible event for event.
 *
 * <p>Pending events live in a 4-ary min-heap over two parallel primitive arrays (time, slot);
 * handler, payload and the packed (phase, sequence) tie-breaker sit in a slot pool, so scheduling, firing and
 * cancelling allocate nothing once the arrays have grown to the peak population. A handle is
 * the slot index plus a generation stamp, so a stale handle (event already fired or
 * cancelled) is recognised and ignored. Cancellation is lazy: the slot is marked dead in O(1)
 * and its heap entry is discarded when it reaches the top, which keeps heap moves free of
 * position bookkeeping (the hold-model throughput depends on it).
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
    private int[] heapSlot;
    private int size;

    private EventHandler[] slotHandler;
    private int[] slotPayload;
    /** Phase in the high bits, sequence in the low 48: compared only when times tie. */
    private long[] slotOrder;
    private int[] slotGeneration;
    /** For a free slot, the next free slot (or -1). */
    private int[] slotLink;
    private boolean[] slotLive;
    private int freeHead;
    private int slotsUsed;
    /** Heap entries whose event was cancelled and not yet discarded. */
    private int cancelledInHeap;

    private long nowPs;
    private long nextSequence;
    private long firedCount;
    private EventLog log;

    public Scheduler() {
        heapTimePs = new long[INITIAL_CAPACITY];
        heapSlot = new int[INITIAL_CAPACITY];
        slotHandler = new EventHandler[INITIAL_CAPACITY];
        slotPayload = new int[INITIAL_CAPACITY];
        slotOrder = new long[INITIAL_CAPACITY];
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
        return size - cancelledInHeap;
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
        slotOrder[slot] = ((long) phase << SEQUENCE_BITS) | nextSequence++;
        if (size == heapTimePs.length) {
            growHeap();
        }
        siftUp(size++, timePs, slot);
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
        slotLive[slot] = false;
        slotHandler[slot] = null;
        slotGeneration[slot]++;
        cancelledInHeap++;
        return true;
    }

    /** Fires the earliest pending event; returns false if none was pending. */
    public boolean step() {
        discardCancelledTop();
        if (size == 0) {
            return false;
        }
        int slot = heapSlot[0];
        long timePs = heapTimePs[0];
        long order = slotOrder[slot];
        removeTop();
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
        discardCancelledTop();
        while (size > 0 && heapTimePs[0] <= endPs) {
            step();
            discardCancelledTop();
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

    /** Returns a slot to the pool; a live slot also gets a new generation so its handle goes stale. */
    private void freeSlot(int slot) {
        if (slotLive[slot]) {
            slotLive[slot] = false;
            slotHandler[slot] = null;
            slotGeneration[slot]++;
        }
        slotLink[slot] = freeHead;
        freeHead = slot;
    }

    private void discardCancelledTop() {
        while (size > 0 && !slotLive[heapSlot[0]]) {
            int slot = heapSlot[0];
            removeTop();
            cancelledInHeap--;
            freeSlot(slot);
        }
    }

    private void removeTop() {
        int last = --size;
        if (last > 0) {
            siftDown(0, heapTimePs[last], heapSlot[last]);
        }
    }

    /** Whether event slot a fires before slot b at equal times: by packed (phase, sequence). */
    private boolean orderedBefore(int slotA, int slotB) {
        return slotOrder[slotA] < slotOrder[slotB];
    }

    private void siftUp(int pos, long timePs, int slot) {
        while (pos > 0) {
            int parent = (pos - 1) >> 2;
            long parentTime = heapTimePs[parent];
            int parentSlot = heapSlot[parent];
            if (timePs > parentTime || (timePs == parentTime && !orderedBefore(slot, parentSlot))) {
                break;
            }
            heapTimePs[pos] = parentTime;
            heapSlot[pos] = parentSlot;
            pos = parent;
        }
        heapTimePs[pos] = timePs;
        heapSlot[pos] = slot;
    }

    private void siftDown(int pos, long timePs, int slot) {
        long[] times = heapTimePs;
        int[] slots = heapSlot;
        int n = size;
        while (true) {
            int first = (pos << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bestTime = times[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                long t = times[c];
                if (t < bestTime || (t == bestTime && orderedBefore(slots[c], slots[best]))) {
                    best = c;
                    bestTime = t;
                }
            }
            int bestSlot = slots[best];
            if (bestTime > timePs || (bestTime == timePs && !orderedBefore(bestSlot, slot))) {
                break;
            }
            times[pos] = bestTime;
            slots[pos] = bestSlot;
            pos = best;
        }
        times[pos] = timePs;
        slots[pos] = slot;
    }

    private void growHeap() {
        int capacity = heapTimePs.length * 2;
        heapTimePs = Arrays.copyOf(heapTimePs, capacity);
        heapSlot = Arrays.copyOf(heapSlot, capacity);
    }

    private void growSlots() {
        int capacity = slotHandler.length * 2;
        slotHandler = Arrays.copyOf(slotHandler, capacity);
        slotPayload = Arrays.copyOf(slotPayload, capacity);
        slotOrder = Arrays.copyOf(slotOrder, capacity);
        slotGeneration = Arrays.copyOf(slotGeneration, capacity);
        slotLink = Arrays.copyOf(slotLink, capacity);
        slotLive = Arrays.copyOf(slotLive, capacity);
    }
}
