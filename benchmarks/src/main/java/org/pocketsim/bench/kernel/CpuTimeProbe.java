package org.pocketsim.bench.kernel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntSupplier;

/**
 * Thread-CPU-time companion to the JMH benchmarks, for a machine shared with other jobs: JMH's
 * wall-clock score counts the time the benchmark thread waits for a core, this counts only the
 * CPU time it was given (cache and memory-bus contention from the other jobs still show).
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.pocketsim.bench.kernel.CpuTimeProbe [part...]}
 * with parts {@code topk routing gemv memory} (all by default).
 */
public final class CpuTimeProbe {

    private CpuTimeProbe() {
    }

    public static void main(String[] args) {
        java.util.Set<String> parts = args.length == 0
                ? java.util.Set.of("topk", "routing", "gemv", "memory") : java.util.Set.of(args);
        if (parts.contains("topk")) topK();
        if (parts.contains("routing")) routing();
        if (parts.contains("gemv")) gemv();
        if (parts.contains("memory")) memory();
    }

    private static void topK() {
        TopKSelectionBench topK = new TopKSelectionBench();
        topK.width = 17920;
        topK.keep = 0.35;
        topK.setup();
        report("DIP top-k, 17920 wide, keep 0.35 (us)", topK::dipTopK, 20000, 1e3);
        report("DIP-CA top-k, 17920 wide (us)", topK::dipCacheAwareTopK, 10000, 1e3);
    }

    private static void routing() {
        RoutingBench routing = new RoutingBench();
        routing.setup();
        report("Cache-Prior, 64 experts top-8 (ns)", routing::cachePrior64, 2_000_000, 1);
        report("top-k router, 64 experts top-8 (ns)", routing::topK64, 2_000_000, 1);
    }

    private static void gemv() {
        for (String shape : new String[] {"4096x4096", "14336x4096"}) {
            for (String format : new String[] {"int4-g128", "int8-g128"}) {
                GemvStreamingBench gemv = new GemvStreamingBench();
                gemv.shape = shape;
                gemv.format = format;
                gemv.setup();
                double ns = report("GEMV " + shape + " " + format + " (ms)", () -> (int) gemv.gemv(), 30, 1e6);
                System.out.printf("  -> %.2f GB/s of weights and scales%n", gemv.weightBytes / ns);
            }
        }
    }

    private static void memory() {
        MemoryBandwidthBench mem = new MemoryBandwidthBench();
        mem.mebibytes = 256;
        mem.setup();
        double read = report("array sum 256 MiB (ms)", () -> (int) mem.sumRead(), 20, 1e6);
        System.out.printf("  -> %.2f GB/s read%n", 256.0 * 1048576 / read);
        double copy = report("array copy 256 MiB (ms)", () -> (int) mem.copy(), 20, 1e6);
        System.out.printf("  -> %.2f GB/s read + write%n", 2 * 256.0 * 1048576 / copy);
    }

    /** Warms up, then prints and returns the median thread-CPU ns per op over 5 rounds. */
    private static double report(String what, IntSupplier op, int reps, double unit) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        int sink = 0;
        for (int i = 0; i < reps; i++) sink += op.getAsInt();
        double[] rounds = new double[5];
        for (int r = 0; r < rounds.length; r++) {
            long t0 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) sink += op.getAsInt();
            rounds[r] = (bean.getCurrentThreadCpuTime() - t0) / (double) reps;
        }
        java.util.Arrays.sort(rounds);
        System.out.printf("%-45s %10.3f  (sink %d)%n", what, rounds[2] / unit, sink & 1);
        return rounds[2];
    }
}
