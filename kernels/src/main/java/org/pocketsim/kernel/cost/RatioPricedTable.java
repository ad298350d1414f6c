package org.pocketsim.kernel.cost;

/**
 * The "INT v.s. FP" paper's published ratios (Chen et al., arXiv 2510.25602, Table 5: energy
 * and area at the same throughput, shared FP32 accumulator) applied to an absolute anchor: a
 * configuration's cost is its baseline's cost under {@code anchor} times the published ratio.
 * Only the configurations the table names and our registry has (MXFP8, MXINT8) are covered,
 * with the FP32 accumulator the paper assumes; anything else is a clear error rather than a
 * guess.
 *
 * @param ratios the published ratios
 * @param anchor the gate-priced table that gives the baseline's absolute cost
 */
public record RatioPricedTable(RelativeCostTable ratios, GatePricedTable anchor) implements ProcessTable {

    @Override
    public String name() {
        return INT_VS_FP;
    }

    @Override
    public String source() {
        return ratios.source() + " Absolute anchor: the baseline priced under " + anchor.name() + ".";
    }

    @Override
    public double pjPerMac(MacDatapath datapath, Accumulator accumulator) {
        RelativeCostTable.Ratio r = ratio(datapath, accumulator);
        return anchor.pjPerMac(MacDatapath.of(r.baseline()), accumulator) * r.energy();
    }

    @Override
    public double um2PerMac(MacDatapath datapath, Accumulator accumulator) {
        RelativeCostTable.Ratio r = ratio(datapath, accumulator);
        return anchor.um2PerMac(MacDatapath.of(r.baseline()), accumulator) * r.area();
    }

    @Override
    public double int8MacEquivalents(MacDatapath datapath, Accumulator accumulator) {
        return um2PerMac(datapath, accumulator) / anchor.um2PerMac(MacDatapath.of("int8"), MacAreaTable.FX12);
    }

    @Override
    public double sramPjPerBit() {
        return anchor.sramPjPerBit();
    }

    @Override
    public MacCostModel model() {
        return anchor.model();
    }

    private RelativeCostTable.Ratio ratio(MacDatapath d, Accumulator accumulator) {
        if (!accumulator.label().equals(MacAreaTable.FP32.label())) {
            throw new IllegalArgumentException("process table " + INT_VS_FP + " gives ratios for an FP32 accumulator; got "
                    + accumulator.label());
        }
        if (!ratios.rows().containsKey(d.name())) {
            throw new IllegalArgumentException("process table " + INT_VS_FP + " has no ratio for datapath '" + d.name()
                    + "'; it covers mxfp8 and mxint8");
        }
        return ratios.ratio(d.name());
    }
}
