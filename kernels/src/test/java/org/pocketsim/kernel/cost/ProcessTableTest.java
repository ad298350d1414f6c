package org.pocketsim.kernel.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProcessTableTest {
    private static final MacDatapath INT8 = MacDatapath.of("int8");

    @Test
    void int8KulischMacCostsTheTablesInt8MultiplyPlusInt32Add() {
        GatePricedTable t = (GatePricedTable) ProcessTable.named(ProcessTable.HOROWITZ_45NM);
        // Horowitz 45 nm: 0.2 + 0.1 pJ and 282 + 137 um^2 for our 724-gate INT8 -> FX+12 unit.
        assertThat(t.pjPerMac(INT8, MacAreaTable.FX12)).isCloseTo(0.3, within(1e-12));
        assertThat(t.um2PerMac(INT8, MacAreaTable.FX12)).isCloseTo(419, within(1e-9));
        assertThat(t.pjPerGate()).isCloseTo(0.3 / 724, within(1e-15));
        assertThat(t.int8MacEquivalents(INT8, MacAreaTable.FX12)).isEqualTo(1.0);
        // 8 KB SRAM, 5 pJ per 32-bit read.
        assertThat(t.sramPjPerBit()).isEqualTo(5.0 / 32);
        assertThat(t.source()).contains("ISSCC 2014");
    }

    @Test
    void otherDatapathsScaleByTheirGateCountAndTheSevenNanometreTableHasNoAreaOrSram() {
        ProcessTable t = ProcessTable.named(ProcessTable.TPUV4I_7NM);
        // 7 nm: 0.07 + 0.030 pJ for 724 gates; FP8-E4 -> FP32 has 2056 gates.
        assertThat(t.pjPerMac(MacDatapath.same(MacAreaTable.paperInput("FP8-E4")), MacAreaTable.FP32))
                .isCloseTo(0.1 * 2056 / 724, within(1e-12));
        assertThat(t.um2PerMac(INT8, MacAreaTable.FX12)).isNaN();
        assertThat(t.sramPjPerBit()).isNaN();
        assertThat(t.source()).contains("TPUv4i");
    }

    @Test
    void intVsFpRatiosPriceMxint8AgainstTheGatePricedMxfp8() {
        ProcessTable ratios = ProcessTable.named(ProcessTable.INT_VS_FP);
        ProcessTable horowitz = ProcessTable.named(ProcessTable.HOROWITZ_45NM);
        MacDatapath mxfp8 = MacDatapath.of("mxfp8");
        assertThat(ratios.pjPerMac(MacDatapath.of("mxint8"), MacAreaTable.FP32))
                .isCloseTo(0.63 * horowitz.pjPerMac(mxfp8, MacAreaTable.FP32), within(1e-12));
        assertThat(ratios.um2PerMac(MacDatapath.of("mxint8"), MacAreaTable.FP32))
                .isCloseTo(0.79 * horowitz.um2PerMac(mxfp8, MacAreaTable.FP32), within(1e-9));
        assertThat(ratios.source()).contains("2510.25602").contains("horowitz-45nm");
        assertThatThrownBy(() -> ratios.pjPerMac(MacDatapath.of("fp8-e4m3"), MacAreaTable.FP32))
                .hasMessageContaining("fp8-e4m3").hasMessageContaining("mxint8");
        assertThatThrownBy(() -> ratios.pjPerMac(MacDatapath.of("mxint8"), MacAreaTable.FP16))
                .hasMessageContaining("FP32");
        assertThatThrownBy(() -> ProcessTable.named("tsmc-3nm")).hasMessageContaining("horowitz-45nm");
    }

    @Test
    void mxint8OverMxfp8AreaIsWithinTenPercentOfIntVsFpTable5() {
        GateCountMacModel model = new GateCountMacModel();
        double ours = model.gates(MacDatapath.of("mxint8"), MacAreaTable.FP32).total()
                / model.gates(MacDatapath.of("mxfp8"), MacAreaTable.FP32).total();
        double published = RelativeCostTable.intVsFpTable5().ratio("mxint8").area();
        assertThat(ours).isCloseTo(published, within(0.10 * published));
    }
}
