package org.pocketsim.engine.channel;

/** Growable FIFO ring of ints (request ids), allocation-free once grown. */
final class IntFifo {

    private int[] items = new int[16];
    private int head;
    private int count;

    void add(int item) {
        if (count == items.length) {
            int[] grown = new int[count * 2];
            for (int i = 0; i < count; i++) {
                grown[i] = items[(head + i) % items.length];
            }
            items = grown;
            head = 0;
        }
        items[(head + count) % items.length] = item;
        count++;
    }

    int remove() {
        if (count == 0) {
            throw new IllegalStateException("queue is empty");
        }
        int item = items[head];
        head = (head + 1) % items.length;
        count--;
        return item;
    }

    boolean isEmpty() {
        return count == 0;
    }

    int size() {
        return count;
    }
}
