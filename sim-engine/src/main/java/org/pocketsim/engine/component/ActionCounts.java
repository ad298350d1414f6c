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
    private final Map<String, Long> npuMacs = new TreeMap<>();
    private final Map<String, Long> cpuMacs = new TreeMap<>();
    private final Map<String, Long> gpuMacs = new TreeMap<>();

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
        npuMacs.merge(format, nonNegative(macs, "NPU MACs"), Long::sum);
        return this;
    }

    public ActionCounts addCpuMacs(String format, long macs) {
        cpuMacs.merge(format, nonNegative(macs, "CPU MACs"), Long::sum);
        return this;
    }

    public ActionCounts addGpuMacs(String format, long macs) {
        gpuMacs.merge(format, nonNegative(macs, "GPU MACs"), Long::sum);
        return this;
    }

    /** MACs of {@code unit} in {@code format}. */
    public ActionCounts addMacs(Requester unit, String format, long macs) {
        return switch (unit) {
            case CPU -> addCpuMacs(format, macs);
            case NPU -> addNpuMacs(format, macs);
            case GPU -> addGpuMacs(format, macs);
        };
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

    /** NPU MACs per format, sorted by format name. */
    public Map<String, Long> npuMacs() {
        return Collections.unmodifiableMap(npuMacs);
    }

    /** CPU MACs per format, sorted by format name. */
    public Map<String, Long> cpuMacs() {
        return Collections.unmodifiableMap(cpuMacs);
    }

    /** GPU MACs per format, sorted by format name. */
    public Map<String, Long> gpuMacs() {
        return Collections.unmodifiableMap(gpuMacs);
    }

    private static long nonNegative(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + value);
        }
        return value;
    }
}
