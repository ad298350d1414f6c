package org.pocketsim.bench.dip;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Thread CPU time per simulated DIP token (steadier than wall time on a shared machine):
 * {@code java -cp benchmarks.jar org.pocketsim.bench.dip.DipTokenCpuTime [tokens] [cache] [gamma]}.
 * Warms up on 200 tokens, then reports five rounds of {@code tokens} tokens.
 */
public final class DipTokenCpuTime {

    private DipTokenCpuTime() {
    }

    public static void main(String[] args) {
        int tokens = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        String cache = args.length > 1 ? args[1] : "lru";
        Double gamma = args.length > 2 ? Double.valueOf(args[2]) : null;
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double sink = 0;
        try (DipTokenFixture fixture = new DipTokenFixture(cache, gamma)) {
            for (int i = 0; i < 200; i++) sink += fixture.token();
            for (int round = 0; round < 5; round++) {
                long cpu = bean.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                for (int i = 0; i < tokens; i++) sink += fixture.token();
                System.out.printf(java.util.Locale.ROOT, "%s gamma=%s: %.3f ms CPU, %.3f ms wall per token%n", cache, gamma,
                        (bean.getCurrentThreadCpuTime() - cpu) / 1e6 / tokens, (System.nanoTime() - wall) / 1e6 / tokens);
            }
        }
        if (sink == 42) System.out.println();
    }
}
