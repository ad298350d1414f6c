package org.pocketsim.hw.spec;

import java.util.Map;
import org.pocketsim.hw.config.Require;
import org.pocketsim.hw.unit.Bandwidth;
import org.pocketsim.hw.unit.Frequency;

/**
 * The CPU cluster as one compute unit for CPU-run kernels (e.g. llama.cpp, ExecuTorch/XNNPACK).
 *
 * @param topology          the cores as published, e.g. {@code 1xX4@3.3 + 3xA720@3.2 + ...} (text only)
 * @param cores             cores used for inference
 * @param clock             clock used for compute estimates (the prime core's)
 * @param memoryBandwidth   what the CPU alone can stream from DRAM
 * @param macsPerCyclePerCore SIMD multiply-accumulates per cycle and core, by number format
 */
public record CpuSpec(
        String topology,
        int cores,
        Frequency clock,
        Bandwidth memoryBandwidth,
        Map<String, Double> macsPerCyclePerCore) implements Facts {

    public CpuSpec {
        Require.notBlank(topology, "topology");
        Require.positive(cores, "cores");
        Require.positive(Require.notNull(clock, "clock").hertz(), "clock");
        Require.positive(Require.notNull(memoryBandwidth, "memoryBandwidth").bytesPerSecond(), "memoryBandwidth");
        macsPerCyclePerCore = FormatRates.validate(macsPerCyclePerCore, "macsPerCyclePerCore");
    }

    /** Peak MACs per second of all {@link #cores} in {@code format}. */
    public double peakMacsPerSecond(String format) {
        return FormatRates.lookup(macsPerCyclePerCore, format, "cpu") * cores * clock.hertz();
    }

    @Override
    public void addFacts(String prefix, Map<String, String> out) {
        out.put(Facts.join(prefix, "topology"), topology);
        out.put(Facts.join(prefix, "cores"), Integer.toString(cores));
        out.put(Facts.join(prefix, "clock"), clock.toString());
        out.put(Facts.join(prefix, "memoryBandwidth"), memoryBandwidth.toString());
        FormatRates.addFacts(macsPerCyclePerCore, Facts.join(prefix, "macsPerCyclePerCore"), out);
    }
}
