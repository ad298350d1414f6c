package org.pocketsim.kernel.sparsity;

import org.pocketsim.kernel.cache.CacheView;

/**
 * Dynamic Input Pruning of one GLU MLP per token (papers.md §1.3): up and gate read the
 * {@code int(upKeep * hidden)} input columns picked from |MLP input|; down reads the
 * {@code int(downKeep * intermediate)} columns picked from |GLU activation|. GLU pruning is the
 * special case {@code upKeep = 1}. Which columns are picked is the {@link Masker}'s job
 * (magnitude top-k for DIP, cache-aware for DIP-CA), one masker per masked linear.
 *
 * <p>Scoring the down mask: the reference scores it on the GLU activation computed from the
 * <em>pruned</em> up/gate. When {@link MlpWeights} are given, that is exactly what is done. A
 * trace carries only the dense activation ({@code down_in}, from the unpruned up/gate); without
 * weights it is used as the score, an approximation that ignores how pruning up/gate perturbs h
 * (it is exact for GLU pruning, where up/gate are dense). {@link MlpMask#downScoredOnPrunedGlu()}
 * says which was used.
 *
 * <p>Not thread-safe; owns scratch buffers; allocates nothing per token.
 */
public final class DipPruner {

    private final DipDensity density;
    private final Masker upMasker;
    private final Masker downMasker;
    private final int hidden;
    private final int intermediate;
    private final float[] hPruned;
    private final float[] hDense;
    private final double[] yPruned;
    private final double[] yDense;

    public DipPruner(DipDensity density, Masker upMasker, Masker downMasker, int hidden, int intermediate) {
        if (density == null || upMasker == null || downMasker == null) {
            throw new IllegalArgumentException("density, upMasker and downMasker are required");
        }
        if (hidden < 1 || intermediate < 1) {
            throw new IllegalArgumentException("MLP dims must be positive, got hidden=" + hidden + " intermediate=" + intermediate);
        }
        this.density = density;
        this.upMasker = upMasker;
        this.downMasker = downMasker;
        this.hidden = hidden;
        this.intermediate = intermediate;
        hPruned = new float[intermediate];
        hDense = new float[intermediate];
        yPruned = new double[hidden];
        yDense = new double[hidden];
    }

    /** DIP with magnitude top-k on both masks. */
    public static DipPruner dip(DipDensity density, int hidden, int intermediate) {
        return new DipPruner(density, new MagnitudeMasker(hidden), new MagnitudeMasker(intermediate), hidden, intermediate);
    }

    /** DIP-CA: cache-aware masking with the same parameters on the up/gate and the down cache. */
    public static DipPruner cacheAware(DipDensity density, CacheAwareSpec spec, int hidden, int intermediate) {
        return new DipPruner(density, new CacheAwareMasker(spec, hidden), new CacheAwareMasker(spec, intermediate),
                hidden, intermediate);
    }

    public DipDensity density() { return density; }

    /**
     * Masks one MLP layer for one token.
     *
     * @param mlpIn     MLP input x, length hidden (trace {@code mlp_in})
     * @param downIn    dense GLU activation, length intermediate (trace {@code down_in}); may be
     *                  null when {@code weights} are given, ignored then
     * @param weights   the layer's weights, or null to score down on {@code downIn}
     * @param upCache   residency of up/gate columns (null: none; required by cache-aware maskers)
     * @param downCache residency of down columns (null: none; required by cache-aware maskers)
     * @param token     0-based index of the generated token in its sequence
     * @param out       receives masks, hits and quality proxies
     */
    public void prune(float[] mlpIn, float[] downIn, MlpWeights weights, CacheView upCache, CacheView downCache,
                      int token, MlpMask out) {
        if (mlpIn.length != hidden) throw new IllegalArgumentException("mlp_in has " + mlpIn.length + " values, expected hidden=" + hidden);
        if (out.upColumns.length != hidden || out.downColumns.length != intermediate) {
            throw new IllegalArgumentException("MlpMask sized for another layer shape");
        }
        int kUp = density.upColumns(hidden);
        out.upCount = upMasker.select(mlpIn, hidden, kUp, upCache, token, out.upColumns);
        out.upHits = MaskQuality.hits(upCache, out.upColumns, out.upCount);
        out.upNormKept = MaskQuality.normKept(mlpIn, hidden, out.upColumns, out.upCount);

        float[] downScores;
        if (weights != null) {
            if (weights.hidden() != hidden || weights.intermediate() != intermediate) {
                throw new IllegalArgumentException("weights are " + weights.hidden() + "x" + weights.intermediate()
                        + ", pruner is for hidden=" + hidden + " intermediate=" + intermediate);
            }
            weights.glu(mlpIn, out.upColumns, out.upCount, hPruned);
            downScores = hPruned;
        } else {
            if (downIn == null) {
                throw new IllegalArgumentException("DIP needs the trace's down_in or the MLP weights to score down columns");
            }
            if (downIn.length != intermediate) {
                throw new IllegalArgumentException("down_in has " + downIn.length + " values, expected intermediate=" + intermediate);
            }
            downScores = downIn;
        }
        out.downScoredOnPrunedGlu = weights != null;
        int kDown = density.downColumns(intermediate);
        out.downCount = downMasker.select(downScores, intermediate, kDown, downCache, token, out.downColumns);
        out.downHits = MaskQuality.hits(downCache, out.downColumns, out.downCount);
        out.downNormKept = MaskQuality.normKept(downScores, intermediate, out.downColumns, out.downCount);
        out.outputRelError = weights == null ? Double.NaN : outputError(mlpIn, weights, out);
    }

    private double outputError(float[] x, MlpWeights w, MlpMask out) {
        w.glu(x, null, hidden, hDense);
        w.down(hDense, null, intermediate, yDense);
        w.down(hPruned, out.downColumns, out.downCount, yPruned);
        double err = 0;
        double ref = 0;
        for (int r = 0; r < hidden; r++) {
            double d = yPruned[r] - yDense[r];
            err += d * d;
            ref += yDense[r] * yDense[r];
        }
        return ref == 0 ? (err == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(err / ref);
    }
}
