package org.pocketsim.engine.run;

import org.pocketsim.engine.component.ActionCounts;
import org.pocketsim.engine.component.EnergyModel;
import org.pocketsim.engine.compute.ComputeModel;
import org.pocketsim.engine.decode.SocTiming;
import org.pocketsim.engine.point.DecodeSpec;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.SocSpec;

import java.util.Collection;
import java.util.function.Supplier;

/** Checks a decode run makes while it is prepared, so that a bad value fails before any point runs. */
final class RunChecks {

    private RunChecks() {
    }

    /**
     * Work placed on the GPU needs a profile with one, and runs in the analytic mode (the
     * discrete-event engine has a CPU and an NPU).
     */
    static void units(SocSpec soc, DecodeSpec run, Collection<Requester> decodeUnits, Requester prefillUnit) {
        boolean gpu = decodeUnits.contains(Requester.GPU) || (run.prompt() > 0 && prefillUnit == Requester.GPU);
        if (!gpu) return;
        if (soc.gpu() == null) throw new FieldException("executor", "places work on the gpu, but profile '" + soc.id() + "' has no gpu");
        if (run.mode() == DecodeSpec.Mode.DES && decodeUnits.contains(Requester.GPU)) {
            throw new FieldException("executor", "places decode work on the gpu, which mode des does not model (cpu and npu); use mode analytic");
        }
    }

    /**
     * Graph executions per step ({@code npuGraphs}) are priced by the profile's
     * {@code npu.graphOverhead} and only on the NPU, so a run that gives them needs both.
     */
    static void npuGraphs(SocSpec soc, DecodeSpec run, Collection<Requester> decodeUnits, Requester prefillUnit) {
        if (run.npuGraphs() == 0) return;
        if (!decodeUnits.contains(Requester.NPU) && !(run.prompt() > 0 && prefillUnit == Requester.NPU)) {
            throw new FieldException("npuGraphs", "is given, but no decode or prefill work runs on the npu");
        }
        if (soc.npu() == null || soc.npu().graphOverhead() == null) {
            throw new FieldException("npuGraphs", "needs npu.graphOverhead, which profile '" + soc.id() + "' does not give");
        }
    }

    /** The compute format must have a MAC rate and an energy per MAC on every unit the run uses. */
    static void computeFormat(SocSpec soc, ComputeModel compute, DecodeSpec run, Collection<Requester> decodeUnits,
                              Requester prefillUnit) {
        SocTiming timing = new SocTiming(soc, compute);
        try {
            for (Requester unit : decodeUnits) {
                timing.macsPerSecond(unit, run.computeFormat(), SocTiming.Phase.DECODE);
                price(soc, compute, unit, run.computeFormat());
            }
            if (run.prompt() > 0) {
                timing.macsPerSecond(prefillUnit, run.computeFormat(), SocTiming.Phase.PREFILL);
                price(soc, compute, prefillUnit, run.computeFormat());
            }
        } catch (FieldException e) {
            throw new FieldException("computeFormat", e.problem());
        } catch (IllegalArgumentException e) {
            throw new FieldException("computeFormat", e.getMessage());
        }
    }

    private static void price(SocSpec soc, ComputeModel compute, Requester unit, String format) {
        EnergyModel.fromSpec(soc).price(new ActionCounts().addMacs(unit, format, 1), compute::pjPerMac);
    }

    /**
     * The run's weight decoder, or null when it does not price decode work; the weight format must
     * be one format (not a llama.cpp mix).
     */
    static org.pocketsim.engine.compute.WeightDecoder decoder(SocSpec soc, ComputeModel compute, DecodeSpec run) {
        if (run.decodeWork() == org.pocketsim.engine.compute.DecodeWorkPath.NONE) return null;
        try {
            org.pocketsim.engine.decode.WeightBits.of(run.weights());
            return new org.pocketsim.engine.compute.WeightDecoder(soc, compute, run.weights(), run.computeFormat(), run.decodeWork());
        } catch (IllegalArgumentException e) {
            throw new FieldException("decodeWork", "needs one weight format from the format registry, not '" + run.weights() + "'");
        }
    }

    /** Binds the run's compute model; its field errors are fields of {@code compute}. */
    static <T> T underCompute(Supplier<T> step) {
        try {
            return step.get();
        } catch (FieldException e) {
            throw new FieldException("compute" + (e.field().isEmpty() ? "" : "." + e.field()), e.problem());
        }
    }

    /** Runs {@code step} of the MLP method; its field errors are fields of {@code mlp}. */
    static <T> T underMlp(Supplier<T> step) {
        try {
            return step.get();
        } catch (FieldException e) {
            throw new FieldException("mlp." + e.field(), e.problem());
        }
    }
}
