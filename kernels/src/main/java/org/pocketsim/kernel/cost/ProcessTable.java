package org.pocketsim.kernel.cost;

import java.util.List;

/**
 * A labelled, cited way to turn one multiply-add's {@link MacDatapath} and {@link Accumulator}
 * into picojoules and square micrometres: a per-operation energy table priced through the gate
 * model ({@link GatePricedTable}) or a table of published ratios between configurations
 * ({@link RatioPricedTable}). Pure functions of their inputs.
 */
public sealed interface ProcessTable permits GatePricedTable, RatioPricedTable {
    /** Horowitz ISSCC 2014, 45 nm: energy and area per operation. */
    String HOROWITZ_45NM = EnergyTable.HOROWITZ_45NM;
    /** Jouppi et al. ISCA 2021 Table 2, 7 nm: energy only. */
    String TPUV4I_7NM = EnergyTable.TPUV4I_7NM;
    /** Chen et al. arXiv 2510.25602 Table 5 ratios, anchored on the Horowitz 45 nm gate pricing. */
    String INT_VS_FP = "int-vs-fp-table5";
    /** Every name {@link #named} accepts. */
    List<String> NAMES = List.of(HOROWITZ_45NM, TPUV4I_7NM, INT_VS_FP);

    /** Short label for tables and reports. */
    String name();

    /** Citation of the numbers behind it. */
    String source();

    /** Energy of one multiply-add in picojoules. */
    double pjPerMac(MacDatapath datapath, Accumulator accumulator);

    /** Area of one multiply-add unit in um^2; NaN when the table gives no areas. */
    double um2PerMac(MacDatapath datapath, Accumulator accumulator);

    /** Area of one multiply-add unit in INT8 -> FX+12 units (gates where the table gives no areas). */
    double int8MacEquivalents(MacDatapath datapath, Accumulator accumulator);

    /** Energy of reading one bit from a small on-chip SRAM, in pJ; NaN when the table gives none. */
    double sramPjPerBit();

    /** The gate model behind the prices. */
    MacCostModel model();

    /**
     * The table called {@code name}, priced through the {@link GateCountMacModel}.
     *
     * @throws IllegalArgumentException listing the known names
     */
    static ProcessTable named(String name) {
        MacCostModel model = new GateCountMacModel();
        return switch (name) {
            case HOROWITZ_45NM, TPUV4I_7NM -> new GatePricedTable(model, EnergyTable.load(name));
            case INT_VS_FP -> new RatioPricedTable(RelativeCostTable.intVsFpTable5(),
                    new GatePricedTable(model, EnergyTable.load(HOROWITZ_45NM)));
            default -> throw new IllegalArgumentException("unknown process table '" + name + "'; known: " + NAMES);
        };
    }
}
