package org.pocketsim.bench.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The hold model timed by the thread's CPU time rather than wall time, for machines shared
 * with other work (where JMH's wall-clock score mostly measures the contention): prints the
 * median of 7 rounds of 3 million events in events per CPU-second, after 3 warm-up rounds.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.pocketsim.bench.engine.HoldModelCpuTime}.
 */
public final class HoldModelCpuTime {

    private static final int EVENTS_PER_ROUND = 3_000_000;

    private HoldModelCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int population : new int[] {1_000, 100_000}) {
            HoldModel model = new HoldModel(population, 1);
            for (int round = 0; round < 3; round++) {
                model.fire(EVENTS_PER_ROUND);
            }
            double[] rates = new double[7];
            for (int round = 0; round < rates.length; round++) {
                long start = threads.getCurrentThreadCpuTime();
                model.fire(EVENTS_PER_ROUND);
                rates[round] = EVENTS_PER_ROUND / ((threads.getCurrentThreadCpuTime() - start) * 1e-9);
            }
            Arrays.sort(rates);
            System.out.printf("hold model, population %,d: %.2f M events per CPU-second (median of %d rounds)%n",
                    population, rates[rates.length / 2] / 1e6, rates.length);
        }
    }
}
