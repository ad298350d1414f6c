package org.pocketsim.kernel.gemv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pocketsim.kernel.gemv.GemvFixtures.gaussian;
import static org.pocketsim.kernel.gemv.GemvFixtures.reference;
import static org.pocketsim.kernel.gemv.GemvFixtures.relativeError;

import org.junit.jupiter.api.Test;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.VectorQuantFormat;
import org.pocketsim.kernel.work.KernelWork;
import org.pocketsim.kernel.work.MemoryTier;
import org.pocketsim.kernel.work.Region;

class SparseAndVqGemvTest {

    @Test
    void twoFourSparsityKeepsTheTwoLargestPerGroupAndCountsIndexBits() {
        // groups [1, -3, 2, 0.5] -> keep positions 1, 2; [0, 0, 4, -4] -> keep 2, 3
        float[] w = {1f, -3f, 2f, 0.5f, 0f, 0f, 4f, -4f};
        NmSparseMatrix m = NmSparseMatrix.prune(w, 1, 8, 2, 4, FormatRegistry.get("fp16"));
        assertThat(m.decodeAll()).containsExactly(0f, -3f, 2f, 0f, 0f, 0f, 4f, -4f);
        float[] y = new float[1];
        KernelWork work = new KernelWork();
        new NmSparseGemv(m, GemvSpec.fp16()).multiply(new float[] {1, 1, 1, 1, 1, 2, 3, 4}, y, MemoryTier.DRAM, work);
        assertThat(y[0]).isEqualTo(-3f + 2f + 12f - 16f);
        assertThat(work.bytes(MemoryTier.DRAM, Region.WEIGHTS)).isEqualTo(4 * 2);
        assertThat(work.bytes(MemoryTier.DRAM, Region.INDICES)).isEqualTo(1);
        assertThat(work.macs("fp16/fp32")).isEqualTo(4);
    }

    @Test
    void tiesInAGroupKeepTheLowerPositions() {
        NmSparseMatrix m = NmSparseMatrix.prune(new float[] {1f, 1f, 1f, 1f}, 1, 4, 2, 4, FormatRegistry.get("fp16"));
        assertThat(m.decodeAll()).containsExactly(1f, 1f, 0f, 0f);
    }

    @Test
    void quantisedNmValuesMatchTheDequantisedReferenceAndIndexBytesFollowLog2M() {
        int rows = 16;
        int cols = 256;
        float[] w = gaussian(rows * cols, 11);
        float[] x = gaussian(cols, 12);
        NmSparseMatrix m = NmSparseMatrix.prune(w, rows, cols, 4, 8, FormatRegistry.get("int8-g32"));
        float[] y = new float[rows];
        KernelWork work = new KernelWork();
        new NmSparseGemv(m, GemvSpec.fp16()).multiply(x, y, MemoryTier.FLASH, work);
        float[] xq = new float[cols];
        for (int i = 0; i < cols; i++) xq[i] = ActivationQuantizer.fp16(x[i]);
        assertThat(relativeError(y, reference(m.decodeAll(), rows, cols, xq))).isLessThan(1e-6);
        // 128 kept per row: 128 B int8 payload, 4 groups of 32 x FP16 scale = 8 B, 128 x 3-bit index = 48 B
        assertThat(work.bytes(MemoryTier.FLASH, Region.WEIGHTS)).isEqualTo(rows * 128);
        assertThat(work.bytes(MemoryTier.FLASH, Region.SCALES)).isEqualTo(rows * 8);
        assertThat(work.bytes(MemoryTier.FLASH, Region.INDICES)).isEqualTo(rows * 48);
        assertThatThrownBy(() -> NmSparseMatrix.prune(w, rows, cols, 4, 4, FormatRegistry.get("fp16")))
                .hasMessageContaining("1 <= N < M");
    }

    @Test
    void vqLooksUpCodewordsAndCountsIndicesCodebookAndLookups() {
        // 2-bit, 2-dimensional codebook: (0, 0), (1, 1), (1, -1), (-2, 0.5)
        VectorQuantFormat vq = new VectorQuantFormat("vq-test", 2, 2, new float[] {0, 0, 1, 1, 1, -1, -2, 0.5f});
        float[] w = {1f, 1f, -2f, 0.5f, 1f, -1f, 0.9f, 1.1f};
        QuantizedMatrix m = QuantizedMatrix.encode(w, 1, 8, vq, Layout.ROWS);
        float[] y = new float[1];
        KernelWork work = new KernelWork();
        new VqGemv(m, GemvSpec.fp16()).multiply(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, y, MemoryTier.DRAM, work);
        // codes 1, 3, 2, 1: (1 + 2) + (-6 + 2) + (5 - 6) + (7 + 8)
        assertThat(y[0]).isEqualTo(13f);
        assertThat(work.bytes(MemoryTier.DRAM, Region.WEIGHTS)).isEqualTo(1);
        assertThat(work.bytes(MemoryTier.DRAM, Region.CODEBOOKS)).isEqualTo(16);
        assertThat(work.lookupOps()).isEqualTo(4);
        assertThat(work.macs("fp16/fp32")).isEqualTo(8);
        assertThatThrownBy(() -> new QuantizedGemv(m, GemvSpec.fp16())).hasMessageContaining("VqGemv");
    }

    @Test
    void outliersKeptInFp16RescueALowBitDenseMatrix() {
        int rows = 8;
        int cols = 256;
        float[] w = gaussian(rows * cols, 21);
        for (int i = 0; i < 10; i++) w[i * 203 % w.length] = (i % 2 == 0 ? 40f : -40f) + i;
        float[] x = gaussian(cols, 22);
        double[] ref = reference(w, rows, cols, x);

        float[] plain = new float[rows];
        new QuantizedGemv(QuantizedMatrix.encode(w, rows, cols, FormatRegistry.get("int3-g128"), Layout.ROWS), GemvSpec.fp16())
                .multiply(x, plain, MemoryTier.DRAM, new KernelWork());
        OutlierGemv split = OutlierGemv.build(w, rows, cols, FormatRegistry.get("int3-g128"), 0.005, GemvSpec.fp16());
        float[] y = new float[rows];
        KernelWork work = new KernelWork();
        split.multiply(x, y, MemoryTier.DRAM, work);

        assertThat(split.outliers()).isEqualTo(10);
        // measured with these seeds: 0.216 without outliers, 0.090 with them (INT3 alone on N(0,1) rows)
        assertThat(relativeError(y, ref)).isLessThan(0.12).isLessThan(relativeError(plain, ref) / 2);
        // dense int3-g128: 8 x (96 B + 2 x 2 B); outliers: 10 x 2 B values, 10 x 2 B columns + 9 x 4 B row pointers
        assertThat(work.bytes(MemoryTier.DRAM, Region.WEIGHTS)).isEqualTo(8 * 96 + 20);
        assertThat(work.bytes(MemoryTier.DRAM, Region.SCALES)).isEqualTo(8 * 4);
        assertThat(work.bytes(MemoryTier.DRAM, Region.INDICES)).isEqualTo(20 + 36);
        assertThat(work.macs("fp16/fp32")).isEqualTo(rows * cols + 10);
    }
}
