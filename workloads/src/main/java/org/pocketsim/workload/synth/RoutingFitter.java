package org.pocketsim.workload.synth;

/**
 * Fits a {@link RoutingLayerModel} so that traces it generates reproduce a layer's routing
 * statistics over a window of the same length: expert popularity comes straight from the
 * real counts (or from a parametric profile when only statistics are known), and the spread
 * of popularity, a boost of the most popular expert and the three temporal parameters are found
 * by a seeded coordinate descent on simulated traces, minimising the mean over seeds of the
 * squared errors in tolerance units. Deterministic for a given seed.
 */
public final class RoutingFitter {

    /** Tolerances of the calibration contract; the objective measures errors in these units. */
    public static final double REUSE_TOLERANCE = 0.05;
    public static final double TOP_SHARE_TOLERANCE = 0.03;
    public static final double COVER80_TOLERANCE = 0.08;

    /** Simulated windows per evaluated candidate: a real trace pins each expert's popularity, bare statistics do not. */
    private static final int SEEDS_TRACE = 6;
    private static final int SEEDS_STATS = 16;
    /** Search box, start and first step of (gamma, fastWeight, rhoFast, rhoSlow, topBoost). */
    private static final double[] LOWER = {0.3, 0.0, 0.0, 0.5, -1.0};
    private static final double[] UPPER = {1.6, 1.0, 0.95, 0.995, 1.0};
    private static final double[] START = {0.9, 0.6, 0.3, 0.95, 0.0};
    private static final double[] STEP = {0.15, 0.15, 0.15, 0.05, 0.2};

    private RoutingFitter() {
    }

    /** Fits to a real layer trace {@code experts[t]}: each expert id keeps its real popularity. */
    public static RoutingLayerModel fitToTrace(int[][] experts, int numExperts, long seed) {
        int tokens = experts.length;
        int topK = experts[0].length;
        double[] counts = new double[numExperts];
        for (int[] set : experts) for (int e : set) counts[e]++;
        double[] bias = new double[numExperts];
        for (int e = 0; e < numExperts; e++) bias[e] = meanFieldBias(counts[e] / tokens, tokens);
        RoutingLayerModel start = new RoutingLayerModel(bias, topK, START[1], START[2], START[3], 1);
        RoutingStats target = RoutingStats.of(experts, numExperts);
        return search(start, g -> statsError(RoutingStats.of(g, numExperts), target), tokens, seed, SEEDS_TRACE);
    }

    /**
     * Fits to published or assumed statistics alone (reuse at distance 1 and 4, top expert
     * share, 80% coverage over a window of {@code target.tokens()}); d2 and d8 may be NaN.
     */
    public static RoutingLayerModel fitToStats(RoutingStats target, int numExperts, int topK, long seed) {
        double[] bias = rankedBias(numExperts, topK, target.topExpertShare(), target.fracCover80(), target.tokens(), seed);
        RoutingLayerModel start = new RoutingLayerModel(bias, topK, START[1], START[2], START[3], 1);
        return search(start, g -> statsError(RoutingStats.of(g, numExperts), target), target.tokens(), seed, SEEDS_STATS);
    }

    /**
     * Fits one layer to its targets from a {@link RoutingDepthProfile}: reuse at every token
     * distance 1..8, the most used expert's share and the 80% coverage over a window of
     * {@code target.window()} tokens. Popularity by rank comes from {@link PopularityProfile};
     * which expert id holds which rank is a permutation seeded by {@code layerSeed}, so layers
     * favour different experts (as real layers do). Every layer's search starts from the same
     * point: a start from the previous layer's fit drifts into a worse optimum where the fast and
     * slow processes swap roles (tried: reuse errors up to 0.067 against 0.041). Returns the
     * fitted (gamma, fastWeight, rhoFast, rhoSlow, topBoost) for {@link #layerModel}.
     */
    public static double[] fitLayer(RoutingDepthProfile.LayerTarget target, int numExperts, int topK, long layerSeed) {
        RoutingLayerModel start = startOf(target, numExperts, topK, layerSeed);
        return searchFrom(start, g -> layerError(g, numExperts, target), target.window(), layerSeed, SEEDS_LAYER, START, STEP);
    }

    /** The layer model of {@link #fitLayer}'s parameters {@code x} (a pure function: the same arguments give the same model). */
    public static RoutingLayerModel layerModel(RoutingDepthProfile.LayerTarget target, int numExperts, int topK, long layerSeed,
                                               double[] x) {
        if (x.length != START.length) throw new IllegalArgumentException("a layer fit has " + START.length + " parameters, got " + x.length);
        return startOf(target, numExperts, topK, layerSeed).with(x[0], x[1], x[2], x[3], x[4]);
    }

    /** The seed of MoE layer {@code moeLayer}'s fit in a model fitted with {@code seed}. */
    public static long layerSeed(long seed, int moeLayer) {
        return seed + 0x9E37L * (moeLayer + 1);
    }

    private static RoutingLayerModel startOf(RoutingDepthProfile.LayerTarget target, int numExperts, int topK, long layerSeed) {
        return new RoutingLayerModel(rankedBias(numExperts, topK, target.topExpertShare(), target.fracCover80(),
                target.window(), layerSeed), topK, START[1], START[2], START[3], 1);
    }

    /** Simulated windows per candidate of a per-layer fit: the layer's popularity is fixed, only the generation noise averages out. */
    private static final int SEEDS_LAYER = 8;

    /** Weight of each reuse distance 2..8 in {@link #layerError}: seven noisy, correlated statistics count as 3.5 of distance 1. */
    static final double FAR_REUSE_WEIGHT = 0.5;

    /** Squared errors in tolerance units of a simulated window against a layer target. */
    private static double layerError(int[][] g, int numExperts, RoutingDepthProfile.LayerTarget target) {
        double sum = 0;
        for (int d = 1; d <= RoutingDepthProfile.DISTANCES; d++) {
            double w = d == 1 ? 1 : FAR_REUSE_WEIGHT;
            sum += w * sq(RoutingStats.reuse(g, d, numExperts), target.reuse(d), REUSE_TOLERANCE);
        }
        RoutingStats s = RoutingStats.of(g, numExperts);
        return sum + sq(s.topExpertShare(), target.topExpertShare(), TOP_SHARE_TOLERANCE)
                + sq(s.fracCover80(), target.fracCover80(), COVER80_TOLERANCE);
    }

    /** Mean-field biases of the parametric popularity profile, ranks assigned to expert ids by a seeded permutation. */
    private static double[] rankedBias(int numExperts, int topK, double topShare, double cover80, int tokens, long seed) {
        double[] shares = PopularityProfile.shares(numExperts, topK, topShare, cover80);
        SplitMix64 rng = SplitMix64.derive(seed, 0xB1A5);
        double[] bias = new double[numExperts];
        int[] order = new int[numExperts];
        for (int i = 0; i < numExperts; i++) order[i] = i;
        for (int i = numExperts - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int r = 0; r < numExperts; r++) bias[order[r]] = meanFieldBias(shares[r] * topK, tokens);
        return bias;
    }

    /** Bias whose selection probability is p under unit noise and a zero threshold: Φ⁻¹(p), p kept off 0 and 1. */
    private static double meanFieldBias(double p, int tokens) {
        double lo = 0.5 / tokens;
        return NormalScores.inverseCdf(Math.min(1 - lo, Math.max(lo, p)));
    }

    private static RoutingLayerModel search(RoutingLayerModel base, java.util.function.ToDoubleFunction<int[][]> error,
                                            int tokens, long seed, int seeds) {
        double[] x = searchFrom(base, error, tokens, seed, seeds, START, STEP);
        return base.with(x[0], x[1], x[2], x[3], x[4]);
    }

    /** Coordinate descent from {@code x0} with first steps {@code step0}; returns the best parameters found. */
    private static double[] searchFrom(RoutingLayerModel base, java.util.function.ToDoubleFunction<int[][]> error,
                                       int tokens, long seed, int seeds, double[] x0, double[] step0) {
        double[] x = x0.clone();
        double[] step = step0.clone();
        double best = cost(base, x, error, tokens, seed, seeds);
        for (int round = 0; round < 12 && step[0] > 0.02; round++) {
            boolean improved = false;
            for (int p = 0; p < x.length; p++) {
                for (int dir = -1; dir <= 1; dir += 2) {
                    double[] y = x.clone();
                    y[p] = Math.min(UPPER[p], Math.max(LOWER[p], x[p] + dir * step[p]));
                    if (y[p] == x[p]) continue;
                    double c = cost(base, y, error, tokens, seed, seeds);
                    if (c < best) {
                        best = c;
                        x = y;
                        improved = true;
                        break;
                    }
                }
            }
            if (!improved) for (int p = 0; p < step.length; p++) step[p] /= 2;
        }
        return x;
    }

    /** Mean over seeded simulations of the squared errors, so that parameters with noisy statistics cost more. */
    private static double cost(RoutingLayerModel base, double[] x, java.util.function.ToDoubleFunction<int[][]> error,
                               int tokens, long seed, int seeds) {
        RoutingLayerModel m = base.with(x[0], x[1], x[2], x[3], x[4]);
        double sum = 0;
        for (int s = 0; s < seeds; s++) sum += error.applyAsDouble(RoutingGenerator.simulate(m, seed * 31 + s, tokens));
        return sum / seeds;
    }

    /** The error of {@link #fitToTrace} and {@link #fitToStats}: reuse at 1, 4 and (a quarter) 8, top share, 80% coverage. */
    private static double statsError(RoutingStats g, RoutingStats target) {
        return sq(g.reuseD1(), target.reuseD1(), REUSE_TOLERANCE) + sq(g.reuseD4(), target.reuseD4(), REUSE_TOLERANCE)
                + 0.25 * sq(g.reuseD8(), target.reuseD8(), REUSE_TOLERANCE)
                + sq(g.topExpertShare(), target.topExpertShare(), TOP_SHARE_TOLERANCE)
                + sq(g.fracCover80(), target.fracCover80(), COVER80_TOLERANCE);
    }

    /** Squared error in tolerance units; an unknown target (NaN) costs nothing. */
    private static double sq(double got, double want, double tol) {
        if (Double.isNaN(want)) return 0;
        double e = (got - want) / tol;
        return e * e;
    }
}
