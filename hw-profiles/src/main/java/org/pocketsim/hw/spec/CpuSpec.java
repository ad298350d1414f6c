package org.pocketsim.hw.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.config.Require;
import org.pocketsim.hw.unit.Bandwidth;
import org.pocketsim.hw.unit.Duration;
import org.pocketsim.hw.unit.Frequency;

/**
 * The CPU cluster as one compute unit for CPU-run kernels (e.g. llama.cpp, ExecuTorch/XNNPACK).
 *
 * @param topology          the cores as published, e.g. {@code 1xX4@3.3 + 3xA720@3.2 + ...} (text only)
 * @param cores             cores used for inference
 * @param clock             clock used for compute estimates (the prime core's)
 * @param memoryBandwidth   what the CPU alone can stream from DRAM
 * @param macsPerCyclePerCore SIMD multiply-accumulates per cycle and core, by number format
 * @param simd              optional: the SIMD features the inference cores share ({@code neon},
 *                          {@code dotprod} (SDOT/UDOT), {@code i8mm} (SMMLA), {@code sve2}); the
 *                          CPU cost model derives its per-format kernel rates from them
 * @param coreBandwidth     optional: what one core streams from DRAM alone (its outstanding misses bound it)
 * @param forkJoin          optional: the fixed cost of one graph node run on all inference cores
 *                          (waking the threads and the barrier after the node)
 */
public record CpuSpec(
        String topology,
        int cores,
        Frequency clock,
        Bandwidth memoryBandwidth,
        Map<String, Double> macsPerCyclePerCore,
        @ConfigOptional List<String> simd,
        @ConfigOptional Bandwidth coreBandwidth,
        @ConfigOptional Duration forkJoin) implements Facts {

    /** The SIMD feature names a profile may list. */
    public static final Set<String> SIMD_FEATURES = Set.of("neon", "dotprod", "i8mm", "sve2");

    /** A CPU without the optional kernel facts. */
    public CpuSpec(String topology, int cores, Frequency clock, Bandwidth memoryBandwidth, Map<String, Double> macsPerCyclePerCore) {
        this(topology, cores, clock, memoryBandwidth, macsPerCyclePerCore, null, null, null);
    }

    public CpuSpec {
        Require.notBlank(topology, "topology");
        Require.positive(cores, "cores");
        Require.positive(Require.notNull(clock, "clock").hertz(), "clock");
        Require.positive(Require.notNull(memoryBandwidth, "memoryBandwidth").bytesPerSecond(), "memoryBandwidth");
        macsPerCyclePerCore = FormatRates.validate(macsPerCyclePerCore, "macsPerCyclePerCore");
        if (simd != null) {
            for (String f : simd) {
                if (!SIMD_FEATURES.contains(f)) {
                    throw new FieldException("simd", "unknown SIMD feature '" + f + "' (known: neon, dotprod, i8mm, sve2)");
                }
            }
            simd = List.copyOf(simd);
        }
        if (coreBandwidth != null) Require.positive(coreBandwidth.bytesPerSecond(), "coreBandwidth");
        if (forkJoin != null && !(forkJoin.seconds() > 0)) throw new FieldException("forkJoin", "must be positive");
    }

    /** Whether the cores have SIMD feature {@code feature} (false when the profile lists none). */
    public boolean has(String feature) {
        return simd != null && simd.contains(feature);
    }

    /**
     * Mean clock of the {@code threads} fastest cores, from the clocks {@link #topology} publishes
     * ({@code 2xOryon@4.32 + 6xOryon@3.53}: 8 threads average 3.73 GHz); {@link #clock} where the
     * topology gives no clock for every part (e.g. {@code 8P + 2E}). Kernels split their rows
     * across threads in chunks that a faster core finishes more of, so a cluster's MAC rate is the
     * sum of its cores' clocks.
     */
    public double meanClockHz(int threads) {
        List<Double> clocks = new ArrayList<>();
        for (String part : topology.split("\\+")) {
            Matcher m = CLUSTER.matcher(part.trim());
            if (!m.matches() || m.group(2) == null) return clock.hertz();
            for (int i = 0; i < Integer.parseInt(m.group(1)); i++) clocks.add(Double.parseDouble(m.group(2)) * 1e9);
        }
        clocks.sort(Comparator.reverseOrder());
        int n = Math.max(1, Math.min(threads, clocks.size()));
        double sum = 0;
        for (int i = 0; i < n; i++) sum += clocks.get(i);
        return sum / n;
    }

    /** One part of a topology: a core count, an optional 'x', the core's name, an optional '@GHz'. */
    private static final Pattern CLUSTER = Pattern.compile("(\\d+)\\s*x?\\s*[A-Za-z][\\w-]*(?:\\s*@\\s*([0-9.]+))?");

    /** Peak MACs per second of all {@link #cores} in {@code format}. */
    public double peakMacsPerSecond(String format) {
        return macsPerCycle(format) * cores * clock.hertz();
    }

    /** SIMD multiply-accumulates per cycle of one core in {@code format}. */
    public double macsPerCycle(String format) {
        return FormatRates.lookup(macsPerCyclePerCore, format, "cpu");
    }

    @Override
    public void addFacts(String prefix, Map<String, String> out) {
        out.put(Facts.join(prefix, "topology"), topology);
        out.put(Facts.join(prefix, "cores"), Integer.toString(cores));
        out.put(Facts.join(prefix, "clock"), clock.toString());
        out.put(Facts.join(prefix, "memoryBandwidth"), memoryBandwidth.toString());
        FormatRates.addFacts(macsPerCyclePerCore, Facts.join(prefix, "macsPerCyclePerCore"), out);
        if (simd != null) out.put(Facts.join(prefix, "simd"), String.join(",", simd));
        if (coreBandwidth != null) out.put(Facts.join(prefix, "coreBandwidth"), coreBandwidth.toString());
        if (forkJoin != null) out.put(Facts.join(prefix, "forkJoin"), forkJoin.toString());
    }
}
