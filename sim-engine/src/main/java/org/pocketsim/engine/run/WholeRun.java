package org.pocketsim.engine.run;

import org.pocketsim.engine.component.ActionCounts;
import org.pocketsim.engine.component.EnergyBreakdown;
import org.pocketsim.engine.component.EnergyModel;
import org.pocketsim.engine.result.MetricCatalogue;
import org.pocketsim.engine.result.Metrics;

import java.util.Map;

/**
 * The whole run as a phone's energy measurement sees it: start-up, the cold load of the weights
 * from flash, the prefill and the decode. Each phase is its counted actions over its time,
 * priced by the profile's energy model after the fact; the metrics give each phase's time, the
 * average power of each component in each phase (the power timeline), and the window's energy,
 * average power and energy per output token.
 */
final class WholeRun {

    /** Phases in time order; their names are the middle part of the timeline metrics. */
    static final String[] PHASES = {"startup", "load", "prefill", "decode"};

    private final double[] seconds = new double[PHASES.length];
    private final ActionCounts[] counts = new ActionCounts[PHASES.length];

    WholeRun() {
        for (int i = 0; i < PHASES.length; i++) counts[i] = new ActionCounts();
    }

    /**
     * The counts of phase {@code phase} (an index of {@link #PHASES}) after setting its duration;
     * the caller adds the phase's bytes, MACs and CPU busy time.
     */
    ActionCounts phase(int phase, double phaseSeconds) {
        if (!(phaseSeconds >= 0) || Double.isInfinite(phaseSeconds)) {
            throw new IllegalArgumentException("phase " + PHASES[phase] + " lasts " + phaseSeconds + " s");
        }
        seconds[phase] = phaseSeconds;
        return counts[phase].addElapsedPs(Math.round(phaseSeconds * 1e12));
    }

    /** Prices every phase and adds the window's metrics; {@code outputTokens} divides the window's energy. */
    void addMetrics(Map<String, Double> m, EnergyModel prices, EnergyModel.MacPrices macs, int outputTokens) {
        double windowSeconds = 0;
        double windowPj = 0;
        for (int i = 0; i < PHASES.length; i++) {
            EnergyBreakdown e = prices.price(counts[i], macs);
            windowSeconds += seconds[i];
            windowPj += e.totalPj();
            m.put(MetricCatalogue.PHASE_MS_FAMILY + PHASES[i], seconds[i] * 1e3);
            String power = MetricCatalogue.POWER_W_FAMILY + PHASES[i] + ".";
            double toWatts = seconds[i] > 0 ? 1e-12 / seconds[i] : 0;
            m.put(power + "floor", e.staticPj() * toWatts);
            m.put(power + "cpu", e.cpuMacPj() * toWatts);
            m.put(power + "npu", (e.npuMacPj() + e.sramPj()) * toWatts);
            m.put(power + "gpu", e.gpuMacPj() * toWatts);
            m.put(power + "dram", e.dramPj() * toWatts);
            m.put(power + "flash", e.flashPj() * toWatts);
            if (PHASES[i].equals("decode")) m.put(Metrics.DECODE_POWER_W, e.totalPj() * toWatts);
        }
        m.put(Metrics.LOAD_BYTES, (double) counts[1].flashBytes());
        m.put(Metrics.WINDOW_MS, windowSeconds * 1e3);
        m.put(Metrics.WINDOW_ENERGY_J, windowPj * 1e-12);
        m.put(Metrics.AVERAGE_POWER_W, windowSeconds > 0 ? windowPj * 1e-12 / windowSeconds : 0);
        m.put(Metrics.ENERGY_PER_OUTPUT_TOKEN_WINDOW_MJ, windowPj * 1e-9 / outputTokens);
    }
}
