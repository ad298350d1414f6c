package org.pocketsim.engine.component;

import org.pocketsim.hw.spec.Requester;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run did, counted during simulation and priced afterwards by {@link EnergyModel}:
 * bytes per memory tier, MACs per unit and number format, and elapsed time. Performance code
 * only counts; no energy constant appears there.
 */
public final class ActionCounts {

    private long dramBytes;
    private long flashBytes;
    private long sramBytes;
    private long elapsedPs;
    private long cpuBusyPs;
    /** MACs per unit and format, formats sorted by name. */
    private final Map<Requester, Map<String, Long>> macs = new java.util.EnumMap<>(Requester.class);

    public ActionCounts addDramBytes(long bytes) {
        dramBytes += nonNegative(bytes, "DRAM bytes");
        return this;
    }

    public ActionCounts addFlashBytes(long bytes) {
        flashBytes += nonNegative(bytes, "flash bytes");
        return this;
    }

    public ActionCounts addSramBytes(long bytes) {
        sramBytes += nonNegative(bytes, "SRAM bytes");
        return this;
    }

    public ActionCounts addNpuMacs(String format, long macs) {
        return addMacs(Requester.NPU, format, macs);
    }

    public ActionCounts addCpuMacs(String format, long macs) {
        return addMacs(Requester.CPU, format, macs);
    }

    /** MACs of {@code unit} in {@code format}. */
    public ActionCounts addMacs(Requester unit, String format, long count) {
        long n = nonNegative(count, unit.name() + " MACs");
        macs.computeIfAbsent(unit, u -> new TreeMap<>()).merge(format, n, Long::sum);
        return this;
    }

    public ActionCounts addElapsedPs(long ps) {
        elapsedPs += nonNegative(ps, "elapsed time");
        return this;
    }

    /** Time the CPU cluster runs kernels (priced by its active power where the profile gives one). */
    public ActionCounts addCpuBusyPs(long ps) {
        cpuBusyPs += nonNegative(ps, "CPU busy time");
        return this;
    }

    public long cpuBusyPs() {
        return cpuBusyPs;
    }

    public long dramBytes() {
        return dramBytes;
    }

    public long flashBytes() {
        return flashBytes;
    }

    public long sramBytes() {
        return sramBytes;
    }

    public long elapsedPs() {
        return elapsedPs;
    }

    /** MACs of {@code unit} per format, sorted by format name. */
    public Map<String, Long> macs(Requester unit) {
        return Collections.unmodifiableMap(macs.getOrDefault(unit, Map.of()));
    }

    private static long nonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + value);
        }
        return value;
    }
}
