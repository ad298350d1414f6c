package org.pocketsim.kernel.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MixedDatapathGatesTest {
    private final GateCountMacModel model = new GateCountMacModel();

    @Test
    void rectangularMultiplierReducesToAppendixBWhenSquare() {
        assertThat(Gates.multiply(8, 8)).isEqualTo(Gates.multiply(8));
        // 4 x 8: 32 AND2 + 3 * 7 FA + 3 HA.
        assertThat(Gates.multiply(4, 8)).isEqualTo(32 + 147 + 9);
    }

    @Test
    void w4a8PerChannelIsAnInt4ByInt8ArrayIntoAKulischSum() {
        GateCount g = model.gates(MacDatapath.of("w4a8-int4"), MacAreaTable.FX12);
        // 4 x 8 array 188; product spans 3 + 7 + 1 = 11 bits: 11-bit add 73; 23 FFs (138) + 11-bit incrementer 33.
        assertThat(g).isEqualTo(new GateCount(188, 73, 138 + 33));
    }

    @Test
    void w4a8GroupScaleIsSharedBy128Lanes() {
        GateCount g = model.gates(MacDatapath.of("w4a8-int4-g128"), MacAreaTable.FP32);
        // Lane: 4 x 8 array, 18-bit add into the group sum (11 + 7 bits) = 122.
        // Per group: 18 x 11 scale multiply (198 + 17*10*7 + 10*3 = 1418), FP32 accumulate of the
        // 29-bit scaled sum (N = 29, 9-bit exponent difference): 59 + 27 + 27 + 24 + 174 + 420 + 28 + 174 + 199
        // = 1132; normalise: LZD 112 + shift by [0, 28] 379 + round 72 + exponent 52 + 32 FFs 192 = 807.
        assertThat(g.multiply()).isEqualTo(188);
        assertThat(g.alignAdd()).isCloseTo(122 + (1418 + 1132) / 128.0, within(1e-9));
        assertThat(g.normAcc()).isCloseTo(807 / 128.0, within(1e-9));
    }

    @Test
    void nf4WeightsPayTheirTableAndA16BitFixedPointMultiplier() {
        GateCount g = model.gates(MacDatapath.of("w4a8-nf4"), MacAreaTable.FP32);
        // 16 x 8 array (128 + 15*7*7 + 7*3 = 884) plus the hard-wired table, 16 bits x 7 MUX2 + 1 = 337.
        assertThat(g.multiply()).isEqualTo(884 + 337);
    }

    @Test
    void nf4LevelsRoundedToFp16AreExactIn16BitFixedPointWith14FractionBits() {
        org.pocketsim.kernel.format.ScalarFormat fp16 = org.pocketsim.kernel.format.FormatRegistry.scalar("fp16");
        for (int c = 0; c < 16; c++) {
            double level = fp16.decode(fp16.encode(org.pocketsim.kernel.format.Nf4Format.level(c)));
            double fixed = level * (1 << 14);
            assertThat(fixed).as("level %d", c).isEqualTo(Math.rint(fixed));
            assertThat(Math.abs(fixed)).isLessThanOrEqualTo(1 << 14);
        }
        assertThat(Operand.NF4_LUT_GATES).isEqualTo(16 * 21 + 1);
    }

    @Test
    void weightAndActivationBitsIncludeScales() {
        assertThat(MacDatapath.of("w4a16-int4-g128").weightBitsPerElement()).isEqualTo(4.125);
        assertThat(MacDatapath.of("w4a16-int4-g128").activationBitsPerElement()).isEqualTo(16);
        assertThat(MacDatapath.of("mxfp4").activationBitsPerElement()).isEqualTo(4.25);
        assertThat(MacDatapath.of("int4/fp8-e4m3").weight().name()).isEqualTo("int4");
    }

    @Test
    void anchorsAreWithin3PercentAndW4a8DeviationIsShown() {
        List<MacAreaTable.Anchor> a = MacAreaTable.anchors(model);
        assertThat(a).extracting(MacAreaTable.Anchor::claim).containsExactly("fp8e4-fp16", "fp8e4-fp32", "w4a8-vs-fp8e4");
        // Published 1.53 and 2.83; ours 1089/724 and 2056/724.
        assertThat(a.get(0).ours()).isCloseTo(1089.0 / 724, within(1e-12));
        assertThat(Math.abs(a.get(0).deviation())).isLessThan(0.03);
        assertThat(a.get(1).ours()).isCloseTo(2056.0 / 724, within(1e-12));
        assertThat(Math.abs(a.get(1).deviation())).isLessThan(0.03);
        // W4A8 (INT4 x INT8, FX+12) over FP8-E4 -> FP16: 432 / 1089, cheaper than the paper's "50% more efficient".
        assertThat(a.get(2).ours()).isCloseTo(432.0 / 1089, within(1e-12));
        assertThat(a.get(2).ours()).isLessThan(a.get(2).published());
    }

    @Test
    void fourBitBlockFormatsCostLessThanEightBitOnes() {
        double mxfp4 = model.gates(MacDatapath.of("mxfp4"), MacAreaTable.FP32).total();
        double mxfp8 = model.gates(MacDatapath.of("mxfp8"), MacAreaTable.FP32).total();
        double mxint8 = model.gates(MacDatapath.of("mxint8"), MacAreaTable.FP32).total();
        assertThat(mxfp4).isLessThan(mxint8).isLessThan(mxfp8);
    }
}
