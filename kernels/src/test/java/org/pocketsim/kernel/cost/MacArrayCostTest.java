package org.pocketsim.kernel.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.pocketsim.kernel.format.FormatRegistry;

class MacArrayCostTest {
    private final GateCountMacModel model = new GateCountMacModel();

    @Test
    void int8KulischMacCostsTheTablesInt8MultiplyPlusInt32Add() {
        MacArrayCost c = new MacArrayCost(model, EnergyTable.load(EnergyTable.HOROWITZ_45NM));
        assertThat(c.energyPerMacPj(FormatRegistry.get("int8"), MacAreaTable.FX12)).isCloseTo(0.3, within(1e-12));
        assertThat(c.areaPerMacUm2(FormatRegistry.get("int8"), MacAreaTable.FX12)).isCloseTo(419, within(1e-9));
        assertThat(c.pjPerGate()).isCloseTo(0.3 / 724, within(1e-15));
    }

    @Test
    void otherFormatsScaleByTheirGateCount() {
        MacArrayCost c = new MacArrayCost(model, EnergyTable.load(EnergyTable.TPUV4I_7NM));
        // 7 nm: 0.07 + 0.030 pJ for 724 gates; FP8-E4 -> FP32 has 2056 gates.
        assertThat(c.energyPerMacPj(MacAreaTable.paperInput("FP8-E4"), MacAreaTable.FP32))
                .isCloseTo(0.1 * 2056 / 724, within(1e-12));
        assertThatThrownBy(() -> c.areaPerMacUm2(FormatRegistry.get("int8"), MacAreaTable.FX12))
                .hasMessageContaining("tpuv4i-7nm");
    }

    @Test
    void mxint8OverMxfp8AreaIsWithinTenPercentOfIntVsFpTable5() {
        double ours = model.gates(FormatRegistry.get("mxint8"), MacAreaTable.FP32).total()
                / model.gates(FormatRegistry.get("mxfp8"), MacAreaTable.FP32).total();
        double published = RelativeCostTable.intVsFpTable5().ratio("mxint8").area();
        assertThat(ours).isCloseTo(published, within(0.10 * published));
    }
}
