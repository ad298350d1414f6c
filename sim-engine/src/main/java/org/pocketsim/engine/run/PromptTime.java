package org.pocketsim.engine.run;

/**
 * A prompt's time by what it waits on, summing to its time to first token: flash or DRAM I/O
 * (whichever is longer when the two overlap, both when serial), the MACs when they take longer
 * than the I/O (or always, when compute is serial), and the fixed costs every chunk pays (the
 * CPU's fork/join and element-wise nodes, the NPU runtime's graph executions). Seconds.
 */
record PromptTime(double flash, double dram, double macs, double fixed) {

    double total() {
        return flash + dram + macs + fixed;
    }
}
