package org.pocketsim.kernel.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.pocketsim.kernel.format.FormatRegistry;

class GateCountMacModelTest {
    private final GateCountMacModel model = new GateCountMacModel();

    @Test
    void int8WithKulischAccumulatorIsMultiplierAdderAndRegister() {
        GateCount g = model.gates(FormatRegistry.get("int8"), MacAreaTable.FX12);
        // 8x8 array 428; 15-bit adder 101; 27 FFs (162) + 11-bit incrementer (33).
        assertThat(g.multiply()).isEqualTo(428);
        assertThat(g.alignAdd()).isEqualTo(101);
        assertThat(g.normAcc()).isEqualTo(195);
    }

    @Test
    void fp8E4KulischProductSpans37Bits() {
        GateCount g = model.gates(MacAreaTable.paperInput("FP8-E4"), MacAreaTable.FX12);
        // mpy: 4x4 array 88, 4-bit exponent add 24, sign 3, hidden bits 6, 8-bit negate 24 + 24.
        assertThat(g.multiply()).isEqualTo(88 + 24 + 3 + 6 + 48);
        // align: 37-bit add 255, 8-bit widening shift by [0, 28] 202, pipe stage 14 FFs 84.
        assertThat(g.alignAdd()).isEqualTo(255 + 202 + 84);
        // 49 FFs + 11-bit incrementer.
        assertThat(g.normAcc()).isEqualTo(294 + 33);
    }

    @Test
    void reproducesTheTwoStatedAnchorsWithin3Percent() {
        GateCount base = model.gates(FormatRegistry.get("int8"), MacAreaTable.FX12);
        assertThat(model.gates(MacAreaTable.paperInput("FP8-E4"), MacAreaTable.FP16).relativeTo(base))
                .isCloseTo(1.53, within(1.53 * 0.03));
        assertThat(model.gates(MacAreaTable.paperInput("FP8-E4"), MacAreaTable.FP32).relativeTo(base))
                .isCloseTo(2.83, within(2.83 * 0.03));
    }

    @Test
    void mxBlockAmortisesScaleAndAccumulatorOver32Lanes() {
        GateCount mxint8 = model.gates(FormatRegistry.get("mxint8"), MacAreaTable.FP32);
        GateCount int8Fp32 = model.gates(FormatRegistry.get("int8"), MacAreaTable.FP32);
        assertThat(mxint8.multiply()).isEqualTo(428);
        // Lane: one 20-bit adder of the tree (136). Shared by 32 lanes: the 9-bit scale add (59)
        // and the FP32 accumulate of the 20-bit block sum with N = 28 and a 10-bit exponent
        // difference: 66 + 30 + 30 (|d|), 24 (select), 168 (swap), 405 + 27 (align, sticky),
        // 168 + 192 (negate, add); then LZD 108, normalise 366, round 72, exponent 52, 32 FFs 192.
        double sharedAlign = 59 + 66 + 30 + 30 + 24 + 168 + 405 + 27 + 168 + 192;
        assertThat(mxint8.alignAdd()).isEqualTo(136 + sharedAlign / 32);
        assertThat(mxint8.normAcc()).isEqualTo((108 + 366 + 72 + 52 + 192) / 32.0);
        assertThat(mxint8.total()).isLessThan(int8Fp32.total() / 3);
    }

    @Test
    void unsupportedCombinationsAreClearErrors() {
        assertThatThrownBy(() -> model.gates(FormatRegistry.get("nf4"), MacAreaTable.FP16))
                .hasMessageContaining("nf4").hasMessageContaining("one operand");
        assertThatThrownBy(() -> model.gates(FormatRegistry.get("ternary-g256"), MacAreaTable.FP16))
                .hasMessageContaining("ternary-g256");
        assertThatThrownBy(() -> model.gates(MacDatapath.of("w4a8-int4-g128"), MacAreaTable.FX12))
                .hasMessageContaining("w4a8-int4-g128").hasMessageContaining("FX+12");
        assertThatThrownBy(() -> model.gates(FormatRegistry.get("mxfp4"), MacAreaTable.FX12))
                .hasMessageContaining("mxfp4").hasMessageContaining("FX+12");
    }
}
