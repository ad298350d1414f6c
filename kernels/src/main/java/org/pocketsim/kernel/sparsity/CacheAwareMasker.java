package org.pocketsim.kernel.sparsity;

import org.pocketsim.kernel.cache.CacheView;
import org.pocketsim.kernel.select.TopKSelector;

/**
 * DIP-CA, cache-aware masking: before top-k, the |activation| score of every column not resident
 * in the layer's DRAM cache is de-weighted, so the mask leans towards columns already in DRAM.
 *
 * <p>Reference semantics (papers.md §1.4, {@code cache_aware_reweighting_current_cache}):
 * <ol>
 *   <li>{@code gamma_t} = gamma, or the warm-up {@code 1 - (1 - gamma)(1 - gamma^(t/4))}.</li>
 *   <li>The {@code n = floor(fixedTopShare * k)} columns with the largest raw score are exempt.</li>
 *   <li>Every other column: {@code s' = s * (resident ? 1 : gamma_t)}, or with alpha-blend
 *       {@code s' = gamma_t * s + (1 - gamma_t) * (resident ? 1 : 0)}; exempt columns keep {@code s}.</li>
 *   <li>The mask is the top-k of {@code s'} (ties to the lower column).</li>
 * </ol>
 * Scores are computed in float, like the reference's float tensors.
 */
public final class CacheAwareMasker implements Masker {

    private final CacheAwareSpec spec;
    private final TopKSelector selector;
    private final float[] scores;
    private final int[] exempt;
    private final int[] exemptStamp;
    /** Score factor and alpha-blend bonus of a column, indexed by its residency bit. */
    private final float[] factor = new float[2];
    private final float[] bonus = new float[2];
    private int stamp;

    /** A DIP-CA masker for layers of up to {@code maxColumns} columns. */
    public CacheAwareMasker(CacheAwareSpec spec, int maxColumns) {
        this.spec = spec;
        selector = new TopKSelector(maxColumns);
        scores = new float[maxColumns];
        exempt = new int[maxColumns];
        exemptStamp = new int[maxColumns];
    }

    public CacheAwareSpec spec() {
        return spec;
    }

    @Override
    public int select(float[] activations, int n, int k, CacheView cache, int token, int[] out) {
        if (cache == null) throw new IllegalArgumentException("cache-aware masking needs the layer's CacheView, got null");
        if (token < 0) throw new IllegalArgumentException("token index must be non-negative, got " + token);
        int fixedTop = (int) (spec.fixedTopShare() * k);
        if (++stamp == 0) {
            java.util.Arrays.fill(exemptStamp, 0);
            stamp = 1;
        }
        if (fixedTop > 0) {
            int m = selector.selectAbs(activations, n, fixedTop, exempt);
            for (int i = 0; i < m; i++) exemptStamp[exempt[i]] = stamp;
        }
        float gammaT = (float) spec.gammaAt(token);
        float oneMinus = 1f - gammaT;
        boolean blend = spec.alphaBlend();
        factor[0] = gammaT;
        factor[1] = 1f;
        bonus[0] = 0f;
        bonus[1] = oneMinus;
        for (int i = 0; i < n; i++) {
            float s = Math.abs(activations[i]);
            if (exemptStamp[i] != stamp) {
                // indexed by residency, not branched on it (a coin flip to the branch predictor);
                // s x 1f and s' + 0f are exact, so this is the reference's rule bit for bit
                int resident = cache.residentBit(i);
                s = blend ? gammaT * s + bonus[resident] : s * factor[resident];
            }
            scores[i] = s;
        }
        return selector.select(scores, n, k, out);
    }

    @Override
    public String name() {
        return "dip-ca(gamma=" + spec.gamma() + (spec.alphaBlend() ? ", blend" : "")
                + (spec.fixedTopShare() > 0 ? ", fixedTop=" + spec.fixedTopShare() + "k" : "")
                + (spec.warmUp() ? ", warm-up" : "") + ")";
    }
}
