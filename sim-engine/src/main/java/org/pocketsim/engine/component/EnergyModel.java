package org.pocketsim.engine.component;

import java.util.Map;
import java.util.TreeMap;
import org.pocketsim.hw.spec.DramSpec;
import org.pocketsim.hw.spec.EnergySpec;
import org.pocketsim.hw.spec.FlashSpec;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.SocSpec;

/**
 * Prices counted actions: DRAM and flash at pJ per bit moved, on-chip SRAM at pJ per byte,
 * MACs at pJ per MAC of their unit and format, and static power over the elapsed time
 * (mW x ps x 1e-3 = pJ). Where the profile gives the CPU cluster's active power, CPU work is
 * priced as that power over the CPU's busy time instead of per MAC (never both). The tables come from the SoC's energy spec; where the reference has
 * no figure (LPDDR5X pJ/bit is not published) the spec says so and the value is a parameter.
 */
public final class EnergyModel {

    /** Price of one MAC of a unit in a format, pJ; the profile's tables are one such price list. */
    @FunctionalInterface
    public interface MacPrices {
        /** @throws IllegalArgumentException naming the format when it has no price */
        double pjPerMac(Requester unit, String format);
    }

    private final double dramPjPerBit;
    private final double flashPjPerBit;
    private final double sramPjPerByte;
    private final Map<String, Double> npuPjPerMac;
    private final Map<String, Double> cpuPjPerMac;
    /** Empty on a profile without a GPU. */
    private final Map<String, Double> gpuPjPerMac;
    private final double staticPowerMilliwatts;
    /** CPU cluster power while busy, mW; negative when CPU work is priced per MAC. */
    private final double cpuActiveMilliwatts;

    public EnergyModel(double dramPjPerBit, double flashPjPerBit, double sramPjPerByte,
                       Map<String, Double> npuPjPerMac, Map<String, Double> cpuPjPerMac, double staticPowerMilliwatts) {
        this(dramPjPerBit, flashPjPerBit, sramPjPerByte, npuPjPerMac, cpuPjPerMac, staticPowerMilliwatts, null);
    }

    /** A profile without a GPU; @param cpuActiveMilliwatts CPU cluster power while busy, or null to price CPU work per MAC */
    public EnergyModel(double dramPjPerBit, double flashPjPerBit, double sramPjPerByte, Map<String, Double> npuPjPerMac,
                       Map<String, Double> cpuPjPerMac, double staticPowerMilliwatts, Double cpuActiveMilliwatts) {
        this(dramPjPerBit, flashPjPerBit, sramPjPerByte, npuPjPerMac, cpuPjPerMac, staticPowerMilliwatts, cpuActiveMilliwatts, null);
    }

    /**
     * @param cpuActiveMilliwatts CPU cluster power while busy, or null to price CPU work per MAC
     * @param gpuPjPerMac         the GPU's price per MAC by format, or null on a profile without a GPU
     */
    public EnergyModel(double dramPjPerBit, double flashPjPerBit, double sramPjPerByte, Map<String, Double> npuPjPerMac,
                       Map<String, Double> cpuPjPerMac, double staticPowerMilliwatts, Double cpuActiveMilliwatts,
                       Map<String, Double> gpuPjPerMac) {
        this.cpuActiveMilliwatts = cpuActiveMilliwatts == null ? -1 : nonNegative(cpuActiveMilliwatts, "cpuActiveMilliwatts");
        this.dramPjPerBit = nonNegative(dramPjPerBit, "dramPjPerBit");
        this.flashPjPerBit = nonNegative(flashPjPerBit, "flashPjPerBit");
        this.sramPjPerByte = nonNegative(sramPjPerByte, "sramPjPerByte");
        this.npuPjPerMac = table(npuPjPerMac, "npuPjPerMac");
        this.cpuPjPerMac = table(cpuPjPerMac, "cpuPjPerMac");
        this.gpuPjPerMac = gpuPjPerMac == null ? Map.of() : table(gpuPjPerMac, "gpuPjPerMac");
        this.staticPowerMilliwatts = nonNegative(staticPowerMilliwatts, "staticPowerMilliwatts");
    }

    /** The energy tables of a SoC profile. */
    public static EnergyModel fromSpec(SocSpec soc) {
        return fromSpec(soc.dram(), soc.flash(), soc.energy());
    }

    /** DRAM and flash pJ/bit from their specs, SRAM, MAC and static figures from the energy spec. */
    public static EnergyModel fromSpec(DramSpec dram, FlashSpec flash, EnergySpec energy) {
        return new EnergyModel(dram.energyPjPerBit(), flash.energyPjPerBit(), energy.sramPjPerByte(),
                energy.npuPjPerMac(), energy.cpuPjPerMac(), energy.staticPowerMilliwatts(), energy.cpuActiveMilliwatts(),
                energy.gpuPjPerMac());
    }

    /** Energy of {@code counts}; a MAC format missing from its table is an error naming it. */
    public EnergyBreakdown price(ActionCounts counts) {
        return price(counts, this::tablePjPerMac);
    }

    /** Energy of {@code counts} with MACs priced by {@code macs} (e.g. a MAC-array cost model) instead of the tables. */
    public EnergyBreakdown price(ActionCounts counts, MacPrices macs) {
        boolean cpuByTime = cpuActiveMilliwatts >= 0;
        return new EnergyBreakdown(
                counts.dramBytes() * 8.0 * dramPjPerBit,
                counts.flashBytes() * 8.0 * flashPjPerBit,
                counts.sramBytes() * sramPjPerByte,
                macEnergy(counts, Requester.NPU, macs),
                cpuByTime ? cpuActiveMilliwatts * counts.cpuBusyPs() * 1e-3 : macEnergy(counts, Requester.CPU, macs),
                macEnergy(counts, Requester.GPU, macs),
                staticPowerMilliwatts * counts.elapsedPs() * 1e-3);
    }

    /** pJ per MAC of {@code unit} in {@code format} from the profile's tables; a missing format is an error naming it. */
    public double tablePjPerMac(Requester unit, String format) {
        Map<String, Double> table = switch (unit) {
            case CPU -> cpuPjPerMac;
            case NPU -> npuPjPerMac;
            case GPU -> gpuPjPerMac;
        };
        Double perMac = table.get(format);
        if (perMac == null) {
            throw new IllegalArgumentException("energy." + unit + "PjPerMac has no entry for format '"
                    + format + "' (has: " + String.join(", ", table.keySet()) + ")");
        }
        return perMac;
    }

    private static double macEnergy(ActionCounts counts, Requester unit, MacPrices prices) {
        double pj = 0.0;
        for (Map.Entry<String, Long> entry : counts.macs(unit).entrySet()) {
            pj += entry.getValue() * prices.pjPerMac(unit, entry.getKey());
        }
        return pj;
    }

    private static Map<String, Double> table(Map<String, Double> values, String field) {
        if (values == null) {
            throw new IllegalArgumentException("energy." + field + " is missing");
        }
        Map<String, Double> copy = new TreeMap<>();
        values.forEach((format, value) -> copy.put(format, nonNegative(value == null ? -1 : value, field + "." + format)));
        return copy;
    }

    private static double nonNegative(double value, String field) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("energy." + field + " must be >= 0 and finite, got " + value);
        }
        return value;
    }
}
