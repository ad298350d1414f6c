package org.pocketsim.engine.core;

import java.util.Arrays;

/**
 * Event log that keeps every fired event in primitive arrays, for determinism tests: two runs
 * are event-for-event identical exactly when their logs are {@link #sameAs equal}.
 */
public final class RecordingEventLog implements EventLog {

    private long[] timesPs = new long[256];
    private long[] sequences = new long[256];
    private int[] phases = new int[256];
    private int[] payloads = new int[256];
    private int size;

    @Override
    public void record(long timePs, int phase, long sequence, int payload) {
        if (size == timesPs.length) {
            int capacity = size * 2;
            timesPs = Arrays.copyOf(timesPs, capacity);
            sequences = Arrays.copyOf(sequences, capacity);
            phases = Arrays.copyOf(phases, capacity);
            payloads = Arrays.copyOf(payloads, capacity);
        }
        timesPs[size] = timePs;
        sequences[size] = sequence;
        phases[size] = phase;
        payloads[size] = payload;
        size++;
    }

    /** Number of events recorded. */
    public int size() {
        return size;
    }

    public long timePs(int index) {
        return timesPs[checked(index)];
    }

    public int phase(int index) {
        return phases[checked(index)];
    }

    public long sequence(int index) {
        return sequences[checked(index)];
    }

    public int payload(int index) {
        return payloads[checked(index)];
    }

    /** Whether both logs hold the same events (time, phase, sequence, payload) in the same order. */
    public boolean sameAs(RecordingEventLog other) {
        return size == other.size
                && Arrays.equals(timesPs, 0, size, other.timesPs, 0, size)
                && Arrays.equals(sequences, 0, size, other.sequences, 0, size)
                && Arrays.equals(phases, 0, size, other.phases, 0, size)
                && Arrays.equals(payloads, 0, size, other.payloads, 0, size);
    }

    /** One line per event, "timePs phase sequence payload", for readable test failures. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < size; i++) {
            text.append(timesPs[i]).append(' ').append(phases[i]).append(' ')
                    .append(sequences[i]).append(' ').append(payloads[i]).append('\n');
        }
        return text.toString();
    }

    private int checked(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("event " + index + " of " + size);
        }
        return index;
    }
}
