package org.pocketsim.kernel.gemv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.pocketsim.kernel.gemv.GemvFixtures.gaussian;
import static org.pocketsim.kernel.gemv.GemvFixtures.reference;
import static org.pocketsim.kernel.gemv.GemvFixtures.relativeError;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.work.KernelWork;
import org.pocketsim.kernel.work.MemoryTier;
import org.pocketsim.kernel.work.Region;

class QuantizedGemvTest {

    private static final int ROWS = 8;
    private static final int COLS = 256;
    private static final float[] W = gaussian(ROWS * COLS, 1);
    private static final float[] X = gaussian(COLS, 2);

    private static KernelWork run(String format, GemvSpec spec, float[] y) {
        QuantizedMatrix m = QuantizedMatrix.encode(W, ROWS, COLS, FormatRegistry.get(format), Layout.ROWS);
        KernelWork work = new KernelWork();
        new QuantizedGemv(m, spec).multiply(X, y, MemoryTier.DRAM, work);
        return work;
    }

    @ParameterizedTest(name = "{0} weights, {1} activations")
    @CsvSource({
        // format, activation, weight bytes, scale bytes, activation bytes, max relative L2 error vs the
        // double product of the unquantised W and x (about 1.5x the error measured with these seeds)
        "int4-g128, fp16, 1024, 32, 512, 0.15",
        "int8, int8, 2048, 16, 260, 0.008",
        "int8-g64, fp16, 2048, 64, 512, 0.01",
        "mxfp4, fp16, 1024, 64, 512, 0.1",
        "mxfp8, fp8-e4m3, 2048, 64, 260, 0.04",
        "nf4, fp16, 1024, 128, 512, 0.12",
        "fp8-e4m3, fp16, 2048, 16, 512, 0.04",
        "fp16, fp16, 4096, 0, 512, 0.0005",
        "int4-g32-asym, int4, 1024, 160, 132, 0.15",
        "ternary-g64, fp16, 512, 64, 512, 0.6",
    })
    void bytesMatchTheFormatAndOutputStaysWithinItsError(String format, String activation, long weightBytes,
                                                         long scaleBytes, long activationBytes, double maxError) {
        float[] y = new float[ROWS];
        KernelWork work = run(format, new GemvSpec(activation, Accumulator.FP32), y);
        assertThat(work.bytes(MemoryTier.DRAM, Region.WEIGHTS)).isEqualTo(weightBytes);
        assertThat(work.bytes(MemoryTier.DRAM, Region.SCALES)).isEqualTo(scaleBytes);
        assertThat(work.bytes(MemoryTier.ON_CHIP, Region.ACTIVATIONS)).isEqualTo(activationBytes);
        assertThat(work.macs(activation + "/fp32")).isEqualTo(ROWS * COLS);
        assertThat(relativeError(y, reference(W, ROWS, COLS, X))).isLessThan(maxError);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"int4-g128", "int8-g128", "mxfp4", "nf4-g32", "fp8-e5m2", "int3-g128"})
    void outputEqualsTheDequantisedProductToFloatRounding(String format) {
        QuantizedMatrix m = QuantizedMatrix.encode(W, ROWS, COLS, FormatRegistry.get(format), Layout.ROWS);
        float[] y = new float[ROWS];
        new QuantizedGemv(m, GemvSpec.fp16()).multiply(X, y, MemoryTier.DRAM, new KernelWork());
        float[] xq = new float[COLS];
        for (int i = 0; i < COLS; i++) xq[i] = ActivationQuantizer.fp16(X[i]);
        assertThat(relativeError(y, reference(m.decodeAll(), ROWS, COLS, xq))).isLessThan(1e-6);
    }

    @Test
    void int32AccumulationSumsIntegerLevelsExactlyThenScales() {
        // W = [[1, -2]], x = [0.5, 1], both INT8 with absmax scales:
        // weight levels rint(1 / (2/127)) = 64 (63.5 ties to even), -127; activation levels 64, 127.
        QuantizedMatrix m = QuantizedMatrix.encode(new float[] {1f, -2f}, 1, 2, FormatRegistry.get("int8"), Layout.ROWS);
        float[] y = new float[1];
        new QuantizedGemv(m, new GemvSpec("int8", Accumulator.INT32)).multiply(new float[] {0.5f, 1f}, y,
                MemoryTier.FLASH, new KernelWork());
        float weightScale = (float) FormatRegistry.scalar("fp16").decode(FormatRegistry.scalar("fp16").encode(2 / 127.0));
        float activationScale = (float) (1 / 127.0);
        assertThat(y[0]).isEqualTo((64 * 64 - 127 * 127) * weightScale * activationScale);
    }

    @Test
    void int32AndFp32AgreeOnGroupedAsymmetricWeights() {
        QuantizedMatrix m = QuantizedMatrix.encode(W, ROWS, COLS, FormatRegistry.get("int4-g32-asym"), Layout.ROWS);
        float[] yInt = new float[ROWS];
        float[] yFloat = new float[ROWS];
        KernelWork work = new KernelWork();
        new QuantizedGemv(m, new GemvSpec("int8", Accumulator.INT32)).multiply(X, yInt, MemoryTier.DRAM, work);
        new QuantizedGemv(m, new GemvSpec("int8", Accumulator.FP32)).multiply(X, yFloat, MemoryTier.DRAM, new KernelWork());
        for (int r = 0; r < ROWS; r++) assertThat(yInt[r]).isCloseTo(yFloat[r], within(1e-4f));
        assertThat(work.macs("int8/int32")).isEqualTo(ROWS * COLS);
    }

    @Test
    void fp16AccumulationRoundsEveryPartialSum() {
        // 2048 + 1 = 2049 rounds to 2048 in FP16 (ties to even), and again for the next 1.
        QuantizedMatrix m = QuantizedMatrix.encode(new float[] {1f, 1f, 1f}, 1, 3, FormatRegistry.get("fp16"), Layout.ROWS);
        float[] x = {2048f, 1f, 1f};
        float[] y = new float[1];
        new QuantizedGemv(m, new GemvSpec("fp16", Accumulator.FP16)).multiply(x, y, MemoryTier.DRAM, new KernelWork());
        assertThat(y[0]).isEqualTo(2048f);
        new QuantizedGemv(m, new GemvSpec("fp16", Accumulator.FP32)).multiply(x, y, MemoryTier.DRAM, new KernelWork());
        assertThat(y[0]).isEqualTo(2050f);
    }

    @Test
    void workIsChargedToTheGivenTierWithDequantAndLookupCounts() {
        float[] y = new float[ROWS];
        KernelWork nf4 = new KernelWork();
        QuantizedMatrix m = QuantizedMatrix.encode(W, ROWS, COLS, FormatRegistry.get("nf4"), Layout.ROWS);
        new QuantizedGemv(m, GemvSpec.fp16()).multiply(X, y, MemoryTier.FLASH, nf4);
        assertThat(nf4.bytes(MemoryTier.FLASH)).isEqualTo(1024 + 128);
        assertThat(nf4.bytes(MemoryTier.DRAM)).isZero();
        assertThat(nf4.dequantOps()).isEqualTo(ROWS * COLS);
        assertThat(nf4.lookupOps()).isEqualTo(ROWS * COLS);
        KernelWork fp16 = run("fp16", GemvSpec.fp16(), y);
        assertThat(fp16.dequantOps()).isZero();
    }

    @Test
    void unsupportedCombinationsAreRejected() {
        QuantizedMatrix nf4 = QuantizedMatrix.encode(W, ROWS, COLS, FormatRegistry.get("nf4"), Layout.ROWS);
        assertThatThrownBy(() -> new QuantizedGemv(nf4, new GemvSpec("int8", Accumulator.INT32)))
                .hasMessageContaining("INT32 accumulation needs integer weights");
        assertThatThrownBy(() -> new GemvSpec("fp16", Accumulator.INT32)).hasMessageContaining("integer activations");
        QuantizedMatrix cols = QuantizedMatrix.encode(W, ROWS, COLS, FormatRegistry.get("int8"), Layout.COLUMNS);
        assertThatThrownBy(() -> new QuantizedGemv(cols, GemvSpec.fp16())).hasMessageContaining("by ROWS");
    }
}
