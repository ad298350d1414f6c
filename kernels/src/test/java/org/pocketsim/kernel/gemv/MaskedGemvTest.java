package org.pocketsim.kernel.gemv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pocketsim.kernel.gemv.GemvFixtures.gaussian;
import static org.pocketsim.kernel.gemv.GemvFixtures.reference;
import static org.pocketsim.kernel.gemv.GemvFixtures.relativeError;

import org.junit.jupiter.api.Test;
import org.pocketsim.kernel.cache.FixedCacheView;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.work.KernelWork;
import org.pocketsim.kernel.work.MemoryTier;
import org.pocketsim.kernel.work.Region;

class MaskedGemvTest {

    // W is 2 x 4, row-major; every value is exact in FP16 and INT8 per-column scaling is not involved.
    private static final float[] W = {1f, 2f, 3f, 4f, -1f, 0.5f, -2f, 8f};

    @Test
    void onlyMaskedColumnsAreMultipliedAndReadFromTheirTier() {
        QuantizedMatrix m = QuantizedMatrix.encode(W, 2, 4, FormatRegistry.get("fp16"), Layout.COLUMNS);
        float[] y = new float[2];
        KernelWork work = new KernelWork();
        // mask {1, 3}; column 1 resident in DRAM, column 3 from flash
        new MaskedGemv(m, GemvSpec.fp16()).multiply(new float[] {10f, 1f, 100f, 2f}, new int[] {1, 3}, 2,
                FixedCacheView.of(4, 1), MemoryTier.FLASH, y, work);
        assertThat(y).containsExactly(2f * 1 + 4f * 2, 0.5f * 1 + 8f * 2);
        // one FP16 column = 2 rows x 2 bytes
        assertThat(work.bytes(MemoryTier.DRAM, Region.WEIGHTS)).isEqualTo(4);
        assertThat(work.bytes(MemoryTier.FLASH, Region.WEIGHTS)).isEqualTo(4);
        assertThat(work.bytes(MemoryTier.ON_CHIP, Region.ACTIVATIONS)).isEqualTo(4);
        assertThat(work.cacheLookups()).isEqualTo(2);
        assertThat(work.cacheHits()).isEqualTo(1);
        assertThat(work.macs("fp16/fp32")).isEqualTo(4);
    }

    @Test
    void int4ColumnsCarryTheirGroupScalesAndNoCacheMeansAllFromTheUncachedTier() {
        float[] w = gaussian(256 * 8, 5);
        QuantizedMatrix m = QuantizedMatrix.encode(w, 256, 8, FormatRegistry.get("int4-g128"), Layout.COLUMNS);
        KernelWork work = new KernelWork();
        new MaskedGemv(m, GemvSpec.fp16()).multiply(gaussian(8, 6), new int[] {0, 2, 5}, 3, null, MemoryTier.FLASH,
                new float[256], work);
        // per column: 256 x 4 bits = 128 B payload, 2 groups x FP16 scale = 4 B
        assertThat(work.bytes(MemoryTier.FLASH, Region.WEIGHTS)).isEqualTo(3 * 128);
        assertThat(work.bytes(MemoryTier.FLASH, Region.SCALES)).isEqualTo(3 * 4);
        assertThat(work.bytes(MemoryTier.DRAM)).isZero();
        assertThat(work.cacheLookups()).isZero();
    }

    @Test
    void fullMaskEqualsTheDenseProductOfTheStoredWeights() {
        int rows = 64;
        int cols = 32;
        float[] w = gaussian(rows * cols, 7);
        float[] x = gaussian(cols, 8);
        QuantizedMatrix m = QuantizedMatrix.encode(w, rows, cols, FormatRegistry.get("int8-g32"), Layout.COLUMNS);
        int[] all = new int[cols];
        for (int i = 0; i < cols; i++) all[i] = i;
        float[] y = new float[rows];
        new MaskedGemv(m, GemvSpec.fp16()).multiply(x, all, cols, null, MemoryTier.DRAM, y, new KernelWork());
        float[] xq = new float[cols];
        for (int i = 0; i < cols; i++) xq[i] = ActivationQuantizer.fp16(x[i]);
        assertThat(relativeError(y, reference(m.decodeAll(), rows, cols, xq))).isLessThan(1e-6);
        assertThat(relativeError(y, reference(w, rows, cols, x))).isLessThan(0.01);
    }

    @Test
    void rowStoredMatricesAndInt32AreRejected() {
        QuantizedMatrix rowsMatrix = QuantizedMatrix.encode(W, 2, 4, FormatRegistry.get("fp16"), Layout.ROWS);
        assertThatThrownBy(() -> new MaskedGemv(rowsMatrix, GemvSpec.fp16())).hasMessageContaining("by COLUMNS");
        QuantizedMatrix m = QuantizedMatrix.encode(W, 2, 4, FormatRegistry.get("int8"), Layout.COLUMNS);
        assertThatThrownBy(() -> new MaskedGemv(m, new GemvSpec("int8", Accumulator.INT32))).hasMessageContaining("INT32");
        assertThatThrownBy(() -> new MaskedGemv(m, GemvSpec.fp16()).multiply(new float[4], new int[] {4}, 1, null,
                MemoryTier.DRAM, new float[2], new KernelWork())).hasMessageContaining("mask column 4 outside");
    }
}
