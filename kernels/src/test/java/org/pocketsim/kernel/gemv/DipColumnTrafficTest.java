package org.pocketsim.kernel.gemv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pocketsim.kernel.gemv.GemvFixtures.gaussian;

import org.junit.jupiter.api.Test;
import org.pocketsim.kernel.cache.FixedCacheView;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.sparsity.DipDensity;
import org.pocketsim.kernel.sparsity.DipPruner;
import org.pocketsim.kernel.sparsity.MlpMask;
import org.pocketsim.kernel.work.KernelWork;
import org.pocketsim.kernel.work.MemoryTier;
import org.pocketsim.kernel.work.Region;

/**
 * The DIP simulator's traffic identity (reference/papers.md §1.6, {@code test_dynamic_token_generation}):
 * token 1 reads its k down columns from flash, {@code k * hidden * bytes}; token 2 with the same
 * mask, now cached, reads the same bytes from DRAM. Here the mask comes from {@link DipPruner}
 * and the bytes from {@link MaskedGemv} on an FP16 down projection.
 */
class DipColumnTrafficTest {

    private static final int HIDDEN = 8;
    private static final int INTERMEDIATE = 16;

    @Test
    void firstTokenStreamsTheMaskFromFlashAndTheCachedRepeatReadsItFromDram() {
        float[] mlpIn = gaussian(HIDDEN, 1);
        float[] downIn = gaussian(INTERMEDIATE, 2);
        MlpMask mask = new MlpMask(HIDDEN, INTERMEDIATE);
        DipPruner.dip(new DipDensity(0.5, 0.25), HIDDEN, INTERMEDIATE).prune(mlpIn, downIn, null, null, null, 0, mask);
        int k = mask.downCount();
        assertThat(k).isEqualTo(4);

        QuantizedMatrix down = QuantizedMatrix.encode(gaussian(HIDDEN * INTERMEDIATE, 3), HIDDEN, INTERMEDIATE,
                FormatRegistry.get("fp16"), Layout.COLUMNS);
        MaskedGemv kernel = new MaskedGemv(down, GemvSpec.fp16());
        float[] y = new float[HIDDEN];

        KernelWork first = new KernelWork();
        kernel.multiply(downIn, mask.downColumns(), k, FixedCacheView.of(INTERMEDIATE), MemoryTier.FLASH, y, first);
        assertThat(first.bytes(MemoryTier.FLASH, Region.WEIGHTS)).isEqualTo((long) k * HIDDEN * 2);
        assertThat(first.bytes(MemoryTier.DRAM, Region.WEIGHTS)).isZero();

        FixedCacheView cached = FixedCacheView.of(INTERMEDIATE, java.util.Arrays.copyOf(mask.downColumns(), k));
        KernelWork second = new KernelWork();
        kernel.multiply(downIn, mask.downColumns(), k, cached, MemoryTier.FLASH, y, second);
        assertThat(second.bytes(MemoryTier.DRAM, Region.WEIGHTS)).isEqualTo((long) k * HIDDEN * 2);
        assertThat(second.bytes(MemoryTier.FLASH)).isZero();
        assertThat(second.cacheHits()).isEqualTo(k);
    }
}
