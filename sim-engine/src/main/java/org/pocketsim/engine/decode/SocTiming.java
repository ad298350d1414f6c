package org.pocketsim.engine.decode;

import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.RequesterSet;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.engine.component.BandwidthCurve;
import org.pocketsim.engine.component.Stage;
import org.pocketsim.engine.compute.ComputeModel;
import org.pocketsim.engine.compute.PresetCompute;

/**
 * Rates of one SoC as the decode pipeline uses them: achievable DRAM bandwidth of the unit that
 * runs a phase, flash bandwidth for a request size and pattern (from the profile's measured
 * tables), and the MAC rate of a unit in a format with the phase's utilisation, from the run's
 * {@link ComputeModel} (the profile's tables unless the run names another).
 */
public final class SocTiming {

    /** Decode (matrix-vector) or prefill (matrix-matrix). */
    public enum Phase { DECODE, PREFILL }

    private final SocSpec soc;
    private final BandwidthCurve sequential;
    private final BandwidthCurve random;
    private final ComputeModel compute;

    /** Rates of {@code soc} with its own MAC tables. */
    public SocTiming(SocSpec soc) {
        this(soc, new PresetCompute(soc));
    }

    /** Rates of {@code soc} with MAC rates from {@code compute}. */
    public SocTiming(SocSpec soc, ComputeModel compute) {
        this.soc = soc;
        this.compute = compute;
        this.sequential = BandwidthCurve.fromRatePoints(soc.flash().sequentialRead());
        this.random = BandwidthCurve.fromRatePoints(soc.flash().randomRead());
    }

    public SocSpec soc() {
        return soc;
    }

    /** Where MAC rates and prices come from. */
    public ComputeModel compute() {
        return compute;
    }

    /**
     * Achievable DRAM bandwidth in bytes/s when {@code unit} streams alone: the profile's, unless
     * the compute model knows better (the CPU model: what its threads can stream).
     */
    public double dramBytesPerSecond(Requester unit) {
        return compute.dramBytesPerSecond(unit, soc.dram().achievable(RequesterSet.of(unit)).bytesPerSecond());
    }

    /**
     * Flash read bandwidth in bytes/s for requests of {@code requestBytes}, random or sequential,
     * from the profile's measured tables (the same curves the des-mode {@code Flash} uses).
     */
    public double flashBytesPerSecond(long requestBytes, boolean randomReads) {
        return (randomReads ? random : sequential).bytesPerSecondAt(Math.max(1, requestBytes));
    }

    /**
     * Seconds to read {@code bytes} from flash in requests of {@code requestBytes}: whole requests
     * at that size's bandwidth and the remainder as one shorter request at its own.
     */
    public double flashSeconds(long bytes, long requestBytes, boolean random) {
        if (bytes == 0) return 0;
        long request = Math.max(1, Math.min(requestBytes, bytes));
        long full = bytes / request;
        long rest = bytes % request;
        double seconds = full * (double) request / flashBytesPerSecond(request, random);
        return rest == 0 ? seconds : seconds + rest / flashBytesPerSecond(rest, random);
    }

    /**
     * MACs per second of {@code unit} multiplying in {@code format} during {@code phase}, as the
     * compute model says (preset: the NPU's peak times its prefill or decode utilisation; the
     * CPU's peak over all inference cores).
     */
    public double macsPerSecond(Requester unit, String format, Phase phase) {
        return compute.macsPerSecond(unit, format, phase == Phase.PREFILL ? Stage.PREFILL : Stage.DECODE);
    }

    /** As {@link #macsPerSecond(Requester, String, Phase)} for weights stored in {@code weightFormat} (the CPU model's k-quant rate). */
    public double macsPerSecond(Requester unit, String format, String weightFormat, Phase phase) {
        return compute.macsPerSecond(unit, format, weightFormat, phase == Phase.PREFILL ? Stage.PREFILL : Stage.DECODE);
    }
}
