package org.pocketsim.kernel.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MacAreaTableTest {
    private final List<MacAreaTable.Row> rows = MacAreaTable.rows(new GateCountMacModel());

    @Test
    void everyDigitisedFig3CellIsWithinTenPercent() {
        List<MacAreaTable.Row> paper = rows.stream().filter(r -> !r.extrapolated()).toList();
        assertThat(paper).hasSize(15);
        for (MacAreaTable.Row r : paper) {
            assertThat(r.relError()).as("%s -> %s: ours %.3f published %.3f", r.input(), r.accumulator(),
                    r.ours(), r.published()).isLessThan(0.10);
            assertThat(r.gatesRelError()).as("%s -> %s gates: ours %.0f published %.0f", r.input(), r.accumulator(),
                    r.gates().total(), r.published().total()).isLessThan(0.10);
        }
    }

    @Test
    void publishedRatiosAreTheDigitisedGatesOverInt8Kulisch() {
        assertThat(MacAreaTable.published("INT8", MacAreaTable.FX12)).isEqualTo(1.0);
        assertThat(MacAreaTable.published("FP8-E4", MacAreaTable.FP16)).isEqualTo(1113.0 / 723);
        assertThat(MacAreaTable.published("FP8-E5", MacAreaTable.FX12)).isEqualTo(1509.0 / 723);
        // Components as read from fig3-published.csv.
        assertThat(MacAreaTable.publishedGates("INT8", MacAreaTable.FX12).components())
                .isEqualTo(new GateCount(421, 104, 195));
    }

    @Test
    void extrapolatedCellsAreMarkedAndOrdered() {
        MacAreaTable.Row int4 = find("int4", "FX+12");
        MacAreaTable.Row fp16 = find("fp16", "FP32");
        assertThat(int4.extrapolated()).isTrue();
        assertThat(int4.published()).isNull();
        assertThat(int4.publishedRatio()).isNaN();
        assertThat(int4.ours()).isLessThan(0.5);
        assertThat(fp16.ours()).isGreaterThan(find("FP8-E4", "FP32").ours());
        assertThat(find("mxfp8", "FP32").ours()).isGreaterThan(find("mxint8", "FP32").ours());
    }

    @Test
    void csvMarksExtrapolatedCellsAndLeavesTheirPublishedEmpty() {
        String csv = MacAreaTable.toCsv(List.of(find("INT8", "FX+12"), find("int4", "FX+12")));
        assertThat(csv.lines()).containsExactly(
                "input,accumulator,weight_bits,activation_bits,mpy_gates,alignadd_gates,normacc_gates,total_gates,"
                        + "published_mpy,published_alignadd,published_normacc,published_gates,"
                        + "ours_rel_int8,published_rel_int8,rel_error,extrapolated",
                "INT8,FX+12,8,8,428.0,101.0,195.0,724.0,421,104,195,723,1.000,1.000,0.0000,false",
                "int4,FX+12,4,4,88.0,45.0,147.0,280.0,,,,,0.387,,,true");
    }

    private MacAreaTable.Row find(String input, String acc) {
        return rows.stream().filter(r -> r.input().equals(input) && r.accumulator().equals(acc)).findFirst().orElseThrow();
    }
}
