package org.pocketsim.hw.spec;

import java.util.Map;
import org.pocketsim.hw.unit.Frequency;

/**
 * The GPU as LLM runtimes use it (LiteRT's GPU delegate, llama.cpp's OpenCL back end): shader ALUs
 * counted as MACs per cycle per number format at one clock, and the share of that peak its
 * kernels reach in prefill (matrix-matrix) and decode (matrix-vector). Optional in a profile; a run
 * may place work on the GPU only where the profile has one.
 *
 * @param macsPerCycle multiply-accumulates per cycle by the format the ALUs multiply in, e.g. {@code fp16: 3072}
 */
public record GpuSpec(
        String name,
        Frequency clock,
        Map<String, Long> macsPerCycle,
        double prefillUtilisation,
        double decodeUtilisation) implements Facts {

    public GpuSpec {
        macsPerCycle = MacUnits.validate(name, clock, macsPerCycle, prefillUtilisation, decodeUtilisation);
    }

    /** Peak MACs per second in {@code format}; unknown formats are an IllegalArgumentException. */
    public double peakMacsPerSecond(String format) {
        return MacUnits.peakMacsPerSecond(macsPerCycle, clock, format, "gpu '" + name + "'");
    }

    @Override
    public void addFacts(String prefix, Map<String, String> out) {
        MacUnits.addRateFacts(prefix, clock, macsPerCycle, out);
        MacUnits.addUtilisationFacts(prefix, prefillUtilisation, decodeUtilisation, out);
    }
}
