package org.pocketsim.engine.run;

import org.pocketsim.engine.compute.WeightDecoder;
import org.pocketsim.engine.decode.Component;
import org.pocketsim.engine.decode.SocTiming;
import org.pocketsim.engine.decode.WorkGroup;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.kernel.compress.WeightErrors;

import java.util.Map;

/**
 * A run's weight decode work, token by token: gives each work group the decode time of the
 * weights it reads (weights = bytes of attention, MLP, expert, router and LM-head matrices times
 * 8 over the format's bits per weight; the embedding row and norms are not decoded by a GEMV) and
 * sums what the decode-work metrics report. Allocates nothing per token.
 */
final class DecodeWorkTotals {

    private static final Component[] MATRICES = {Component.ATTENTION, Component.MLP, Component.EXPERTS, Component.ROUTER,
            Component.LM_HEAD};

    private final WeightDecoder decoder;
    private final double weightBits;
    private final SocTiming timing;
    private final String computeFormat;
    private final double[] weightsByUnit = new double[Requester.values().length];
    private double decodePj;
    private double weightStreamSeconds;
    private double computeSeconds;

    DecodeWorkTotals(WeightDecoder decoder, double weightBits, SocTiming timing, String computeFormat) {
        this.decoder = decoder;
        this.weightBits = weightBits;
        this.timing = timing;
        this.computeFormat = computeFormat;
    }

    /** Sets the decode time of {@code group}'s weights and counts them. */
    void apply(WorkGroup group) {
        long bytes = 0;
        for (Component c : MATRICES) bytes += group.componentBytes[c.ordinal()];
        if (bytes == 0) return;
        double weights = bytes * 8.0 / weightBits;
        Requester unit = group.unit;
        group.decodeMacEquivalents = Math.round(weights * decoder.extraMacEquivalentsPerWeight(unit));
        weightsByUnit[unit.ordinal()] += weights;
        decodePj += weights * decoder.decodePjPerWeight(unit);
        weightStreamSeconds += bytes / timing.dramBytesPerSecond(unit);
        computeSeconds += group.computeMacs() / timing.macsPerSecond(unit, computeFormat, SocTiming.Phase.DECODE);
    }

    /** Removes the MACs the format skips (N:M multiplies N/M of the weights, ternary none) from the MAC counts. */
    void adjustMacs(long[] macsByUnit) {
        for (Requester u : Requester.values()) {
            macsByUnit[u.ordinal()] += Math.round(weightsByUnit[u.ordinal()] * (decoder.macsPerWeight() - 1));
        }
    }

    /** Energy of the decode operations of all tokens, pJ. */
    double decodePj() {
        return decodePj;
    }

    void addMetrics(Map<String, Double> m, int tokens, String weights) {
        m.put("bitsPerWeight", weightBits);
        m.put("msWeightStreaming", weightStreamSeconds / tokens * 1e3);
        m.put("msDecodeWork", computeSeconds / tokens * 1e3);
        m.put("energyDecodeMj", decodePj / tokens * 1e-9);
        WeightErrors.relativeRmsError(weights).ifPresent(e -> m.put("weightRelError", e));
    }
}
