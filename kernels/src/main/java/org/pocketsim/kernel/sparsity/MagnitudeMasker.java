package org.pocketsim.kernel.sparsity;

import org.pocketsim.kernel.cache.CacheView;
import org.pocketsim.kernel.select.TopKSelector;

/**
 * DIP's cache-blind rule: keep the {@code k} columns with the largest |activation| (reference:
 * {@code TopKMask} on {@code torch.abs(x)} in Qualcomm's {@code masking_hooks/dip.py}).
 */
public final class MagnitudeMasker implements Masker {

    private final TopKSelector selector;

    /** A masker for layers of up to {@code maxColumns} columns. */
    public MagnitudeMasker(int maxColumns) {
        selector = new TopKSelector(maxColumns);
    }

    @Override
    public int select(float[] activations, int n, int k, CacheView cache, int token, int[] out) {
        return selector.selectAbs(activations, n, k, out);
    }

    @Override
    public String name() {
        return "dip";
    }
}
