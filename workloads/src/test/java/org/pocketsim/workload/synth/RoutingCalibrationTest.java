package org.pocketsim.workload.synth;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

class RoutingCalibrationTest {

    @Test
    void probe() {
        Path root = Path.of(System.getProperty("pocketsim.repoRoot"));
        int[][][] real = ExpertIdsJsonl.read(root.resolve("data/third-party/moe/olmoe-1b-7b-0924.decode299.expert-ids.jsonl"));
        long t0 = System.nanoTime();
        for (int l = 0; l < real.length; l++) {
            RoutingLayerModel m = RoutingFitter.fitToTrace(real[l], 64, 7);
            RoutingStats r = RoutingStats.of(real[l], 64);
            StringBuilder sb = new StringBuilder(l + " " + m + " real " + fmt(r));
            for (long seed = 100; seed < 120; seed++) {
                RoutingStats g = RoutingStats.of(RoutingGenerator.simulate(m, seed, 299), 64);
                boolean ok = Math.abs(g.reuseD1() - r.reuseD1()) <= 0.05 && Math.abs(g.reuseD4() - r.reuseD4()) <= 0.05
                        && Math.abs(g.topExpertShare() - r.topExpertShare()) <= 0.03 && Math.abs(g.fracCover80() - r.fracCover80()) <= 0.08;
                sb.append(ok ? " ok" : " FAIL " + fmt(g));
            }
            System.out.println(sb);
        }
        System.out.println("ms " + (System.nanoTime() - t0) / 1e6);
    }

    static String fmt(RoutingStats s) {
        return String.format("d1 %.3f d4 %.3f top %.3f c80 %.3f", s.reuseD1(), s.reuseD4(), s.topExpertShare(), s.fracCover80());
    }
}
