package org.pocketsim.engine.compute;

import org.pocketsim.engine.component.Stage;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.kernel.compress.DecodeOp;
import org.pocketsim.kernel.compress.DecodeWork;
import org.pocketsim.kernel.compress.DecodeWorks;

/**
 * The decode work of one run's weight format priced on its units: per stored weight, the extra
 * MAC-equivalents of time (decode operations at their rates, expressed at the unit's MAC rate in
 * the compute format, plus the MACs the format adds or removes: N:M multiplies N/M, ternary none)
 * and the energy of the decode operations. Decode-phase GEMV only: prefill amortises decoding
 * over the prompt and is left as before.
 *
 * <p>Time per weight on a unit = sum over ops of count / rate (CPU: lanes x cores x clock; NPU:
 * lanes x NPU clock; {@code array} ops at the MAC rate; {@code hidden} ops free), plus
 * (MAC count - 1) / MAC rate. The work is summed with the MACs, not overlapped with them: the same
 * SIMD pipes issue both (assumed).
 */
public final class WeightDecoder {

    private final DecodeWork work;
    private final double[] extraMacEquivalents = new double[Requester.values().length];
    private final double[] decodePjPerWeight = new double[Requester.values().length];

    public WeightDecoder(SocSpec soc, ComputeModel compute, String weightFormat, String computeFormat, DecodeWorkPath path) {
        this.work = DecodeWorks.of(weightFormat);
        for (Requester unit : Requester.values()) {
            double macRate;
            double pjPerMac;
            try {
                macRate = compute.macsPerSecond(unit, computeFormat, Stage.DECODE);
                pjPerMac = compute.pjPerMac(unit, computeFormat);
            } catch (IllegalArgumentException e) {
                continue;   // a unit without this compute format is never given work in it (RunChecks)
            }
            double laneClock = switch (unit) {
                case CPU -> soc.cpu().cores() * soc.cpu().clock().hertz();
                case NPU -> soc.npu().clock().hertz();
                case GPU -> soc.gpu().clock().hertz();
            };
            double seconds = (work.per(DecodeOp.MAC) - 1) / macRate;
            double pj = 0;
            for (DecodeOp op : DecodeOp.values()) {
                double n = work.per(op);
                if (op == DecodeOp.MAC || n == 0) continue;
                DecodeOpRates.Rate r = DecodeOpRates.of(unit, path, op);
                if (r.lanes() == DecodeOpRates.ARRAY) seconds += n / macRate;
                else if (r.lanes() != DecodeOpRates.HIDDEN) seconds += n / (r.lanes() * laneClock);
                pj += n * r.pjFactor() * pjPerMac;
            }
            extraMacEquivalents[unit.ordinal()] = seconds * macRate;
            decodePjPerWeight[unit.ordinal()] = pj;
        }
    }

    /**
     * Everything the decode-work numbers of a point depend on beyond its spec and SoC (the op counts,
     * the priced rates and energies per unit, the tabulated weight error), for the stored-result key:
     * editing decode-op-rates.csv or the weight-error table re-runs the points they change.
     */
    public String fingerprint() {
        return java.util.Arrays.toString(work.opsPerWeight()) + java.util.Arrays.toString(extraMacEquivalents)
                + java.util.Arrays.toString(decodePjPerWeight) + org.pocketsim.kernel.compress.WeightErrors.relativeRmsError(work.format());
    }

    /** The format's decode work per weight. */
    public DecodeWork work() {
        return work;
    }

    /** MAC-equivalents of time (at the unit's MAC rate) one weight adds beyond its one MAC; negative when the format skips MACs. */
    public double extraMacEquivalentsPerWeight(Requester unit) {
        return extraMacEquivalents[unit.ordinal()];
    }

    /** MACs one weight takes (1 dense, N/M sparse, 0 ternary). */
    public double macsPerWeight() {
        return work.per(DecodeOp.MAC);
    }

    /** Energy of the decode operations of one weight on {@code unit}, pJ (the MACs are priced as MACs). */
    public double decodePjPerWeight(Requester unit) {
        return decodePjPerWeight[unit.ordinal()];
    }
}
