package org.pocketsim.engine.macarray;

import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.NumberFormat;
import org.pocketsim.kernel.quant.FormatAccuracyStudy;
import org.pocketsim.kernel.quant.OutlierTensors;
import org.pocketsim.kernel.quant.QuantError;
import org.pocketsim.kernel.quant.SampleDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bits of accuracy (log2(sigma / RMSE)) of one number format on the whitepaper's Fig. 5 data
 * (10^5 seeded samples each of Uniform, Normal, Student-t nu = 3, one absmax scale per tensor)
 * and on the LLM-like tensor with outlier channels (64 tokens x 4096, absmax per token), as
 * kernels' {@code FormatAccuracyStudy} measures them. Pure functions of the format name, kept
 * once per name and process (a study asks for the same format on many points).
 */
final class FormatBits {

    /** Data sets in series order. */
    static final List<String> DATA = List.of("uniform", "normal", "student-t", "llm-like");
    static final int SAMPLES = 100_000;
    static final long SEED = 1;

    private static final Map<String, List<Double>> MEMO = new ConcurrentHashMap<>();

    private FormatBits() {
    }

    /** Bits of accuracy of {@code format} on {@link #DATA}, in that order. */
    static List<Double> of(String format) {
        return MEMO.computeIfAbsent(format, FormatBits::measure);
    }

    private static List<Double> measure(String name) {
        NumberFormat f = FormatRegistry.get(name);
        List<Double> bits = new ArrayList<>();
        for (SampleDistribution d : SampleDistribution.values()) {
            float[] x = d.sample(SAMPLES, SEED);
            bits.add(QuantError.of(x, FormatAccuracyStudy.roundTrip(f, x, 1, SAMPLES)).bitsOfAccuracy());
        }
        OutlierTensors llm = OutlierTensors.llmLike(64, SEED);
        float[] x = llm.generate();
        bits.add(QuantError.of(x, FormatAccuracyStudy.roundTrip(f, x, llm.tokens(), llm.channels())).bitsOfAccuracy());
        return List.copyOf(bits);
    }
}
