package org.pocketsim.engine.memory.eviction;

import java.util.Arrays;

/**
 * Core of the Belady policy (and of any policy ordered by a per-block key): resident blocks in
 * an indexed binary min-heap ordered by (key, block id). The victim is the heap's minimum outside the current step: blocks of the
 * current step that surface at the top while looking for a victim are set aside and pushed
 * back when the step changes, so a step costs O(log n) per block it uses or sets aside.
 * Subclasses define the key; all arrays are primitive and sized once per reset.
 */
abstract class KeyedHeapPolicy implements EvictionPolicy {

    private long[] key = new long[0];
    private int[] position = new int[0];
    private int[] heap = new int[0];
    private int size;
    private int[] setAside = new int[0];
    private int setAsideCount;
    private long currentStep = -1;

    @Override
    public void reset(int numBlocks, int capacityBlocks) {
        if (key.length != numBlocks) {
            key = new long[numBlocks];
            position = new int[numBlocks];
            heap = new int[numBlocks];
            setAside = new int[numBlocks];
        }
        Arrays.fill(position, -1);
        size = 0;
        setAsideCount = 0;
        currentStep = -1;
    }

    /** Key of {@code block} after it is used (hit or inserted) in {@code step}; smaller is evicted first. */
    protected abstract long keyAfterUse(int block, long step, boolean inserted);

    @Override
    public void onHit(int block, long step) {
        enterStep(step);
        key[block] = keyAfterUse(block, step, false);
        siftDown(position[block]);
        siftUp(position[block]);
    }

    @Override
    public void onInsert(int block, long step) {
        enterStep(step);
        key[block] = keyAfterUse(block, step, true);
        push(block);
    }

    @Override
    public void onRemove(int block) {
        int pos = position[block];
        int last = heap[--size];
        position[block] = -1;
        if (pos != size) {
            heap[pos] = last;
            position[last] = pos;
            siftDown(pos);
            siftUp(position[last]);
        }
    }

    @Override
    public int victim(long step, StepMembership current) {
        enterStep(step);
        while (size > 0 && current.inCurrentStep(heap[0])) {
            int top = heap[0];
            onRemove(top);
            setAside[setAsideCount++] = top;
        }
        return size == 0 ? -1 : heap[0];
    }

    /** On the first call of a new step, pushes back the blocks set aside in the previous one. */
    private void enterStep(long step) {
        if (step == currentStep) {
            return;
        }
        currentStep = step;
        for (int i = 0; i < setAsideCount; i++) {
            push(setAside[i]);
        }
        setAsideCount = 0;
    }

    private void push(int block) {
        heap[size] = block;
        position[block] = size++;
        siftUp(size - 1);
    }

    private boolean less(int a, int b) {
        return key[a] < key[b] || (key[a] == key[b] && a < b);
    }

    private void siftUp(int pos) {
        int block = heap[pos];
        while (pos > 0) {
            int parentPos = (pos - 1) >> 1;
            int parent = heap[parentPos];
            if (!less(block, parent)) {
                break;
            }
            heap[pos] = parent;
            position[parent] = pos;
            pos = parentPos;
        }
        heap[pos] = block;
        position[block] = pos;
    }

    private void siftDown(int pos) {
        int block = heap[pos];
        while (true) {
            int child = 2 * pos + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(heap[child + 1], heap[child])) {
                child++;
            }
            if (!less(heap[child], block)) {
                break;
            }
            heap[pos] = heap[child];
            position[heap[pos]] = pos;
            pos = child;
        }
        heap[pos] = block;
        position[block] = pos;
    }
}
