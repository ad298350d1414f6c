package org.pocketsim.kernel.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pocketsim.kernel.quant.OutlierTensors;

/** GEMV errors through the kernels: orderings that must hold, and rows of the shipped table re-measured. */
class CompressionErrorStudyTest {

    private static float[] gaussian(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) w[i] = (float) (Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble()));
        return w;
    }

    @Test
    void moreBitsLessErrorAndPruningHalfTheWeightsCostsWhatItDrops() {
        float[] w = gaussian(32 * 512, 7);
        double fp16 = CompressionErrorStudy.error("fp16", w, 32, 512, 1);
        double int4 = CompressionErrorStudy.error("int4-g128", w, 32, 512, 1);
        double int3 = CompressionErrorStudy.error("int3-g128", w, 32, 512, 1);
        double int2 = CompressionErrorStudy.error("int2-g128-asym", w, 32, 512, 1);
        assertThat(fp16).isLessThan(1e-3);
        assertThat(int4).isLessThan(int3);
        assertThat(int3).isLessThan(int2);
        // 2:4 keeps the 2 largest |w| of 4: for N(0,1) the dropped half holds about 10% of the energy
        // (E[w^2] of the two smallest of four), so the error is near sqrt(0.1); INT8 values add little
        double pruned = CompressionErrorStudy.error("2of4-int8-g128", w, 32, 512, 1);
        assertThat(pruned).isBetween(0.25, 0.40);
        // SpQR's FP16 outliers make it better than its int3-g128 dense part alone
        assertThat(CompressionErrorStudy.error("spqr-int3-g128-o1", w, 32, 512, 1)).isLessThan(int3);
    }

    @Test
    void theShippedLlmLikeRowsAreReproducedByTheKernels() throws IOException {
        String csv;
        try (InputStream in = WeightErrors.class.getResourceAsStream("weight-error.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        float[] w = OutlierTensors.llmLike(256, 1).generate();
        for (String format : List.of("int4-g128", "ternary-g256", "2of4-int4-g128")) {
            double measured = CompressionErrorStudy.error(format, w, 256, 4096, 1);
            double shipped = WeightErrors.relativeRmsError(format).orElseThrow();
            assertThat(measured).as(format).isCloseTo(shipped, within(5e-6));
            assertThat(csv).contains(WeightErrors.LLM_LIKE + "," + format + ",");
        }
        // the five-trits-per-byte packing has the same codes
        assertThat(WeightErrors.relativeRmsError("ternary-p5-g256")).isEqualTo(WeightErrors.relativeRmsError("ternary-g256"));
        assertThat(WeightErrors.relativeRmsError("aqlm-1x16")).isEmpty();
    }
}
