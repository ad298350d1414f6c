package org.pocketsim.workload.synth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Per-layer routing statistics of a real MoE trace in a form that carries over to a model with
 * another expert count, top-k and layer count: what the synthetic traces of models without a
 * public routing trace (Qwen1.5-MoE, DeepSeek-V2-Lite, Mixtral, Phi-3.5-MoE) are fitted to,
 * layer by layer. Computed from the shipped trace when first asked for (a few milliseconds), so
 * the numbers are always those of the trace in the jar.
 *
 * <p>Estimators, per source layer over each prompt's window of T tokens, S_t the chosen set:
 * <ul>
 * <li>reuse R_d, d = 1..8: mean over t in [d, T) of |S_t ∩ S_{t−d}| / k ({@link RoutingStats});
 *     stored as the excess over a uniform router's chance k/E, X_d = (R_d − k/E) / (1 − k/E);</li>
 * <li>popularity skew, two numbers: the most used expert's selection probability per token
 *     P = max_e n_e / T (its share of selections times k), and the fraction of experts that,
 *     most used first, hold 80% of the selections, C80;</li>
 * <li>several prompts (the real small MoE's four): the plain mean over prompts of each statistic.</li>
 * </ul>
 * <p>Carried to a target with E' experts, top-k': R'_d = k'/E' + (1 − k'/E') · X_d; top share
 * P / k', kept inside (1/E', 1/k']; C80 as it is. Layer rule: the target's MoE layer j of n'
 * (relative depth j / (n' − 1); the middle for n' = 1) reads the source at layer position
 * j · (n − 1) / (n' − 1), linearly interpolated between the two neighbouring source layers.
 *
 * @param excessReuse  [layer][d − 1] excess reuse X_d, d = 1..{@link #DISTANCES}
 * @param topSelection [layer] selection probability P of the most used expert
 * @param cover80      [layer] fraction of experts holding 80% of selections
 * @param window       tokens of each source window (the statistics' window)
 * @param origin       the source trace and how it was read, for provenance
 */
public record RoutingDepthProfile(double[][] excessReuse, double[] topSelection, double[] cover80, int window,
                                  String origin) {

    /** Token distances whose reuse is fitted: 1..8. */
    public static final int DISTANCES = 8;

    /** Classpath copy of data/third-party/moe/olmoe-1b-7b-0924.decode299.expert-ids.jsonl (see workloads/pom.xml). */
    private static final String OLMOE_RESOURCE = "olmoe-1b-7b-0924.decode299.expert-ids.jsonl";
    private static final int OLMOE_EXPERTS = 64;
    private static volatile RoutingDepthProfile olmoe;

    /** One target layer's statistics for a {@link RoutingFitter#fitToLayer} fit. */
    public record LayerTarget(double[] reuseByDistance, double topExpertShare, double fracCover80, int window) {
        public LayerTarget {
            reuseByDistance = reuseByDistance.clone();
        }

        /** Reuse at token distance d, 1..{@link #DISTANCES}. */
        public double reuse(int d) {
            return reuseByDistance[d - 1];
        }

        @Override
        public double[] reuseByDistance() {
            return reuseByDistance.clone();
        }
    }

    public RoutingDepthProfile {
        if (excessReuse.length == 0 || excessReuse.length != topSelection.length || excessReuse.length != cover80.length) {
            throw new IllegalArgumentException("a depth profile needs the same number (at least 1) of layers in every statistic");
        }
        excessReuse = Arrays.stream(excessReuse).map(double[]::clone).toArray(double[][]::new);
        topSelection = topSelection.clone();
        cover80 = cover80.clone();
    }

    public int layers() {
        return topSelection.length;
    }

    /**
     * The per-layer profile of the real OLMoE-1B-7B-0924 decode trace shipped in the jar (16
     * layers, 64 experts, top-8, 299 tokens), computed once.
     */
    public static RoutingDepthProfile olmoe() {
        RoutingDepthProfile p = olmoe;
        if (p == null) {
            try (InputStream in = RoutingDepthProfile.class.getResourceAsStream(OLMOE_RESOURCE)) {
                if (in == null) throw new IllegalStateException(OLMOE_RESOURCE + " is missing from the workloads jar");
                p = of(List.<int[][][]>of(ExpertIdsJsonl.read(in, OLMOE_RESOURCE)), OLMOE_EXPERTS,
                        "per-layer routing statistics of the real OLMoE-1B-7B-0924 decode trace "
                                + "(data/third-party/moe/olmoe-1b-7b-0924.decode299.expert-ids.jsonl, 299 tokens)");
            } catch (IOException e) {
                throw new UncheckedIOException(OLMOE_RESOURCE + ": " + e.getMessage(), e);
            }
            olmoe = p;
        }
        return p;
    }

    /**
     * The profile of one or more real windows {@code prompts.get(i)[layer][token][slot]} of the
     * same model (same layers, tokens and top-k in each), expert ids in [0, experts).
     */
    public static RoutingDepthProfile of(List<int[][][]> prompts, int experts, String origin) {
        int layers = prompts.get(0).length;
        int window = prompts.get(0)[0].length;
        int topK = prompts.get(0)[0][0].length;
        double chance = (double) topK / experts;
        double[][] excess = new double[layers][DISTANCES];
        double[] top = new double[layers];
        double[] c80 = new double[layers];
        for (int[][][] prompt : prompts) {
            if (prompt.length != layers || prompt[0].length != window || prompt[0][0].length != topK) {
                throw new IllegalArgumentException(origin + ": every window needs " + layers + " layers, " + window
                        + " tokens and top-" + topK);
            }
            for (int l = 0; l < layers; l++) {
                for (int d = 1; d <= DISTANCES; d++) {
                    excess[l][d - 1] += (RoutingStats.reuse(prompt[l], d, experts) - chance) / (1 - chance) / prompts.size();
                }
                RoutingStats s = RoutingStats.of(prompt[l], experts);
                top[l] += s.topExpertShare() * topK / prompts.size();
                c80[l] += s.fracCover80() / prompts.size();
            }
        }
        return new RoutingDepthProfile(excess, top, c80, window, origin);
    }

    /**
     * The profile of real traces of one MoE model (e.g. the four prompts of the real small MoE,
     * whose recorded experts are the top-k of its router logits), read token by token.
     */
    public static RoutingDepthProfile of(List<? extends org.pocketsim.workload.trace.TraceSource> traces,
                                         org.pocketsim.workload.model.ModelSpec spec, String origin) {
        List<int[][][]> prompts = new java.util.ArrayList<>();
        for (org.pocketsim.workload.trace.TraceSource t : traces) prompts.add(RoutingCalibration.expertsOf(t, spec));
        return of(prompts, spec.moe().experts(), origin);
    }

    /**
     * Targets of MoE layer {@code moeLayer} of {@code moeLayers} of a model with {@code experts}
     * experts and top-{@code topK}, by the relative-depth rule of the class comment.
     */
    public LayerTarget target(int moeLayer, int moeLayers, int experts, int topK) {
        if (moeLayer < 0 || moeLayer >= moeLayers) throw new IllegalArgumentException("MoE layer " + moeLayer + " outside 0.." + (moeLayers - 1));
        double pos = moeLayers == 1 ? (layers() - 1) / 2.0 : (double) moeLayer * (layers() - 1) / (moeLayers - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(layers() - 1, lo + 1);
        double f = pos - lo;
        double chance = (double) topK / experts;
        double[] reuse = new double[DISTANCES];
        for (int d = 0; d < DISTANCES; d++) reuse[d] = chance + (1 - chance) * lerp(excessReuse[lo][d], excessReuse[hi][d], f);
        double top = lerp(topSelection[lo], topSelection[hi], f) / topK;
        top = Math.min(1.0 / topK, Math.max(1.0 / experts + 1e-6, top));
        return new LayerTarget(reuse, top, lerp(cover80[lo], cover80[hi], f), window);
    }

    private static double lerp(double a, double b, double f) {
        return f == 0 ? a : a + (b - a) * f;
    }

    @Override
    public double[][] excessReuse() {
        return Arrays.stream(excessReuse).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[] topSelection() {
        return topSelection.clone();
    }

    @Override
    public double[] cover80() {
        return cover80.clone();
    }
}
