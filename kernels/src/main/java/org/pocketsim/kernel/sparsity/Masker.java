package org.pocketsim.kernel.sparsity;

import org.pocketsim.kernel.cache.CacheView;

/**
 * Seam: picks the columns of one masked linear layer that a token reads, from the layer's input
 * activations (score = |activation|) and a read-only view of that layer's DRAM column cache.
 *
 * <p>Contract: writes exactly {@code k} distinct column indices in {@code [0, n)} into
 * {@code out[0..k)} in ascending order and returns {@code k}; among equal scores the lower
 * column wins. {@code cache} may be {@code null} for cache-blind maskers (it then means "no
 * cache state available"); {@code token} is the 0-based index of the generated token within
 * its sequence (used by warm-up schedules). Implementations own scratch buffers sized at
 * construction, allocate nothing per call and are not thread-safe.
 */
public interface Masker {

    /** Selects {@code k} of the {@code n} columns whose inputs are {@code activations[0..n)}. */
    int select(float[] activations, int n, int k, CacheView cache, int token, int[] out);

    /** Short name for reports, e.g. {@code dip} or {@code dip-ca(gamma=0.2)}. */
    String name();
}
