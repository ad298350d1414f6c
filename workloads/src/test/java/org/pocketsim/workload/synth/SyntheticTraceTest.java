package org.pocketsim.workload.synth;

import org.junit.jupiter.api.Test;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceInfo;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticTraceTest {

    private static final ModelSpec PHI3_MINI = ModelCatalog.load("phi3-mini-4k");
    private static final ModelSpec DEEPSEEK = ModelCatalog.load("deepseek-v2-lite");

    private static SyntheticTrace phi(long seed, int tokens, double channel, double temporal) {
        return SyntheticTraces.create(PHI3_MINI, SynthParameters.defaults(seed, tokens).withPersistence(channel, temporal),
                TestData.teal(), null);
    }

    @Test
    void denseLayersCarryActivationsAndMoeLayersCarryRouting() {
        try (SyntheticTrace t = SyntheticTraces.create(DEEPSEEK, SynthParameters.defaults(1, 4), TestData.teal(), null)) {
            assertThat(t.has(TensorKind.DOWN_IN, 0)).isTrue();
            assertThat(t.has(TensorKind.EXPERTS, 0)).isFalse();
            assertThat(t.has(TensorKind.MLP_IN, 1)).isTrue();
            assertThat(t.has(TensorKind.DOWN_IN, 1)).isFalse();
            assertThat(t.has(TensorKind.ROUTER_LOGITS, 26)).isTrue();
            assertThat(t.has(TensorKind.MLP_IN, 27)).isFalse();
            TraceInfo info = t.info();
            assertThat(info.sourceKind()).isEqualTo(TraceInfo.SourceKind.SYNTHETIC);
            assertThat(info.layers()).hasSize(27);
            assertThat(info.provenance()).containsEntry("generator.name", "pocketsim-synth-v1").containsEntry("generator.seed", "1")
                    .containsEntry("licence", "n/a");
            assertThat(info.provenance().get("generator.parameters.activationCalibration")).contains("Mistral-7B mapped by relative depth");
            assertThat(t.tokenId(0)).isEqualTo(-1);
        }
    }

    @Test
    void sameSeedGivesTheSameRowsWhateverTheReadOrder() {
        float[] a = new float[PHI3_MINI.intermediate()];
        float[] b = new float[PHI3_MINI.intermediate()];
        float[] scratch = new float[PHI3_MINI.hidden()];
        try (SyntheticTrace one = phi(9, 6, 0.5, 0.5); SyntheticTrace two = phi(9, 6, 0.5, 0.5)) {
            one.readRow(TensorKind.DOWN_IN, 7, 5, a);
            for (int t = 0; t < 6; t++) two.readRow(TensorKind.MLP_IN, 7, t, scratch);
            two.readRow(TensorKind.DOWN_IN, 7, 2, b);
            two.readRow(TensorKind.DOWN_IN, 7, 5, b);
        }
        assertThat(b).containsExactly(a);
        try (SyntheticTrace other = phi(10, 6, 0.5, 0.5)) {
            other.readRow(TensorKind.DOWN_IN, 7, 5, b);
        }
        assertThat(b).isNotEqualTo(a);
    }

    @Test
    void channelPersistenceKeepsTheSameChannelsOnTopAcrossDistantTokens() {
        // keep 10% by |x|: independent tokens share 10% of their top sets by chance
        assertThat(topOverlap(phi(3, 17, 0.0, 0.0), 0, 16)).isBetween(0.07, 0.13);
        assertThat(topOverlap(phi(3, 17, 0.9, 0.0), 0, 16)).isGreaterThan(0.5);
    }

    @Test
    void temporalPersistenceMakesNeighbouringTokensShareTheirTopChannels() {
        SyntheticTrace t = phi(4, 17, 0.0, 0.95);
        double near = topOverlap(t, 0, 1);
        assertThat(near).isGreaterThan(0.6);
        assertThat(topOverlap(phi(4, 17, 0.0, 0.95), 0, 16)).isLessThan(near - 0.3);
    }

    @Test
    void readingRowsAllocatesNothingPerToken() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        float[] mlp = new float[PHI3_MINI.hidden()];
        float[] down = new float[PHI3_MINI.intermediate()];
        try (SyntheticTrace t = phi(5, 40, 0.5, 0.5)) {
            for (int l = 0; l < 32; l++) {
                t.readRow(TensorKind.MLP_IN, l, 0, mlp);
                t.readRow(TensorKind.DOWN_IN, l, 0, down);
            }
            long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int tok = 1; tok < 40; tok++) {
                for (int l = 0; l < 32; l++) {
                    t.readRow(TensorKind.MLP_IN, l, tok, mlp);
                    t.readRow(TensorKind.DOWN_IN, l, tok, down);
                }
            }
            long allocated = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertThat(allocated).isLessThan(1024);
        }
    }

    @Test
    void misuseIsRejectedWithClearErrors() {
        SyntheticTrace t = phi(6, 3, 0.5, 0.5);
        float[] row = new float[PHI3_MINI.hidden()];
        t.readRow(TensorKind.MLP_IN, 0, 2, row);
        assertThatThrownBy(() -> t.readRow(TensorKind.MLP_IN, 0, 1, row))
                .hasMessageContaining("non-decreasing order").hasMessageContaining("layers.0.mlp_in is at token 2, asked for 1");
        assertThatThrownBy(() -> t.readRow(TensorKind.MLP_IN, 0, 3, row)).hasMessageContaining("token 3 outside 0..2");
        assertThatThrownBy(() -> t.readRow(TensorKind.DOWN_IN, 0, 2, row)).hasMessageContaining("rows have 8192 values, dst has 3072");
        assertThatThrownBy(() -> t.readExperts(0, 0, new int[2])).hasMessageContaining("no layers.0.experts");
        t.close();
        assertThatThrownBy(() -> t.readRow(TensorKind.MLP_IN, 0, 2, row)).hasMessageContaining("closed");
    }

    /** Share of the top-10% |mlp_in| channels of token a (layer 5) that are also top-10% at token b. */
    private static double topOverlap(SyntheticTrace t, int a, int b) {
        int w = PHI3_MINI.hidden();
        float[] ra = new float[w];
        float[] rb = new float[w];
        t.readRow(TensorKind.MLP_IN, 5, a, ra);
        t.readRow(TensorKind.MLP_IN, 5, b, rb);
        t.close();
        boolean[] topA = top(ra, w / 10);
        boolean[] topB = top(rb, w / 10);
        int shared = 0;
        for (int j = 0; j < w; j++) if (topA[j] && topB[j]) shared++;
        return shared / (double) (w / 10);
    }

    private static boolean[] top(float[] row, int k) {
        float[] mags = new float[row.length];
        for (int j = 0; j < row.length; j++) mags[j] = Math.abs(row[j]);
        float[] sorted = mags.clone();
        java.util.Arrays.sort(sorted);
        float threshold = sorted[row.length - k];
        boolean[] in = new boolean[row.length];
        for (int j = 0; j < row.length; j++) in[j] = mags[j] >= threshold;
        return in;
    }
}
