package org.pocketsim.kernel.cost.array;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.pocketsim.hw.unit.Frequency;
import org.pocketsim.kernel.cost.ProcessTable;

class MacArraysTest {
    private static final Frequency GHZ = Frequency.ofHertz(1e9);

    private static MacArrayDesign design(String datapath, String acc, ArrayBudget b, String process) {
        return MacArrays.design(new MacArraySpec(datapath, acc, b, process, GHZ));
    }

    @Test
    void isoAreaInInt8EquivalentsKeepsTheInt8ArrayAndShrinksFp8ByItsGateRatio() {
        ArrayBudget b = new ArrayBudget.Int8MacEquivalents(8192);
        MacArrayDesign int8 = design("int8", "FX+12", b, ProcessTable.HOROWITZ_45NM);
        assertThat(int8.macsPerCycle()).isEqualTo(8192);
        assertThat(int8.pjPerMac()).isCloseTo(0.3, within(1e-12));
        assertThat(int8.peakOpsPerSecond()).isEqualTo(2 * 8192 * 1e9);
        assertThat(int8.peakPowerW()).isCloseTo(8192 * 0.3e-12 * 1e9, within(1e-9));
        // 1 unit = 419 um^2 at 45 nm.
        assertThat(int8.arrayAreaMm2()).isCloseTo(8192 * 419e-6, within(1e-9));
        // FP8-E4M3 -> FP32: 2056 gates against 724: floor(8192 * 724 / 2056) = 2884.
        MacArrayDesign fp8 = design("fp8-e4m3", "FP32", b, ProcessTable.HOROWITZ_45NM);
        assertThat(fp8.macsPerCycle()).isEqualTo(2884);
        assertThat(fp8.int8MacEquivalents()).isCloseTo(2056.0 / 724, within(1e-12));
    }

    @Test
    void mm2BudgetNeedsATableWithAreas() {
        MacArrayDesign d = design("int8", "FX+12", new ArrayBudget.AreaMm2(1.0), ProcessTable.HOROWITZ_45NM);
        assertThat(d.macs()).isEqualTo((long) Math.floor(1e6 / 419));
        assertThatThrownBy(() -> new MacArraySpec("int8", "FX+12", new ArrayBudget.AreaMm2(1.0), ProcessTable.TPUV4I_7NM, GHZ))
                .hasMessageContaining("tpuv4i-7nm").hasMessageContaining("INT8-MAC equivalents");
    }

    @Test
    void isoPowerFitsBudgetOverEnergyPerMacAtTheClock() {
        MacArrayDesign d = design("fp8-e4m3", "FP16", new ArrayBudget.PowerW(1.0), ProcessTable.TPUV4I_7NM);
        // 7 nm: 0.1 pJ * 1089 / 724 per MAC; 1 W at 1 GHz.
        double pj = 0.1 * 1089 / 724;
        assertThat(d.pjPerMac()).isCloseTo(pj, within(1e-12));
        assertThat(d.macs()).isEqualTo((long) Math.floor(1.0 / (pj * 1e-12 * 1e9)));
        assertThat(d.sramPjPerWeight()).isNaN();
    }

    @Test
    void sramEnergyPerOperandFollowsStorageBits() {
        MacArrayDesign d = design("w4a8-int4-g128", "FP32", new ArrayBudget.Int8MacEquivalents(1000), ProcessTable.HOROWITZ_45NM);
        assertThat(d.weightBits()).isEqualTo(4.125);
        assertThat(d.activationBits()).isEqualTo(8);
        assertThat(d.sramPjPerWeight()).isCloseTo(4.125 * 5 / 32, within(1e-12));
        assertThat(d.sramPjPerActivation()).isCloseTo(8 * 5.0 / 32, within(1e-12));
        assertThat(d.pjPerMacWithOperands()).isCloseTo(d.pjPerMac() + 12.125 * 5 / 32, within(1e-12));
    }

    @Test
    void npuRatesAnswerPerDatapath() {
        NpuMacRates rates = new NpuMacRates(new ArrayBudget.Int8MacEquivalents(8192), "FP32", ProcessTable.HOROWITZ_45NM, GHZ);
        assertThat(rates.macsPerCycle("fp8-e4m3")).isEqualTo(2884);
        assertThat(rates.macsPerCycle("mxfp4")).isGreaterThan(rates.macsPerCycle("mxfp8"));
        assertThat(rates.pjPerMac("mxint8")).isLessThan(rates.pjPerMac("mxfp8"));
        assertThat(rates.weightBitsPerElement("w4a16-nf4")).isEqualTo(4.5);
        assertThat(rates.activationBitsPerElement("w4a16-nf4")).isEqualTo(16);
    }

    @Test
    void specRejectsUnknownNamesAndBadBudgets() {
        ArrayBudget b = new ArrayBudget.Int8MacEquivalents(1);
        assertThatThrownBy(() -> new MacArraySpec("fp7", "FP32", b, ProcessTable.HOROWITZ_45NM, GHZ)).hasMessageContaining("fp7");
        assertThatThrownBy(() -> new MacArraySpec("int8", "FP64", b, ProcessTable.HOROWITZ_45NM, GHZ)).hasMessageContaining("FP64");
        assertThatThrownBy(() -> new MacArraySpec("int8", "FP32", b, "45nm", GHZ)).hasMessageContaining("45nm");
        assertThatThrownBy(() -> new ArrayBudget.AreaMm2(-1)).hasMessageContaining("mm^2");
        // What design() would reject is rejected when the spec is built.
        assertThatThrownBy(() -> new MacArraySpec("mxfp4", "FX+12", b, ProcessTable.HOROWITZ_45NM, GHZ))
                .hasMessageContaining("mxfp4").hasMessageContaining("FX+12");
        assertThatThrownBy(() -> new MacArraySpec("fp8-e4m3", "FP32", b, ProcessTable.INT_VS_FP, GHZ))
                .hasMessageContaining("fp8-e4m3");
        assertThatThrownBy(() -> new MacArraySpec("nf4", "FP32", b, ProcessTable.HOROWITZ_45NM, GHZ))
                .hasMessageContaining("nf4");
        assertThatThrownBy(() -> new ArrayBudget.PowerW(Double.NaN)).hasMessageContaining("power");
    }
}
