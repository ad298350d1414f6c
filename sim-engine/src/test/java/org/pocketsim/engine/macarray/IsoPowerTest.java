package org.pocketsim.engine.macarray;

import org.junit.jupiter.api.Test;
import org.pocketsim.kernel.cost.array.MacArrayDesign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Iso-power sizing, against values computed by hand. */
class IsoPowerTest {

    /** A unit of {@code pj} pJ (its weight read {@code sramPerWeight} pJ) and {@code equivalents} INT8-MAC areas. */
    private static MacArrayDesign unit(long macs, double pj, double sramPerWeight, double equivalents) {
        return new MacArrayDesign(null, null, equivalents, macs, pj, Double.NaN, Double.NaN, 0, 0, 8, 8,
                sramPerWeight, sramPerWeight, "hand", "hand");
    }

    @Test
    void theBudgetIsTheReferenceArraysPowerWithWeightReadsAndSizesEachDatapathByItsOwn() {
        // INT8 -> FX+12 at Horowitz 45 nm: 0.2 + 0.1 pJ per MAC, 8 bits x 5 pJ / 32 bits = 1.25 pJ per weight read.
        MacArrayDesign int8 = unit(1000, 0.3, 1.25, 1.0);
        // 1000 x (0.3 + 1.25) pJ x 1 GHz = 1.55 W
        IsoPower same = IsoPower.of(int8, int8, 1e9);
        assertThat(same.watts()).isCloseTo(1.55, within(1e-12));
        assertThat(same.macs()).isEqualTo(1000);
        assertThat(same.pjPerMac()).isCloseTo(1.55, within(1e-12));
        // An FP8 unit of 0.85 pJ, 8-bit weights: 1.55 W / (2.1 pJ x 1 GHz) = 738.09 -> 738 (iso-area: 1000 / 2.8333 = 352)
        IsoPower fp8 = IsoPower.of(int8, unit(352, 0.85, 1.25, 0.85 / 0.3), 1e9);
        assertThat(fp8.macs()).isEqualTo(738);
        assertThat(fp8.pjPerMac()).isCloseTo(2.1, within(1e-12));
        // A W4A16 INT4-g128 unit of 0.5 pJ, 4.125-bit weights (0.64453125 pJ): 1.55 / 1.14453125e-3 = 1354.27 -> 1354
        IsoPower w4 = IsoPower.of(int8, unit(600, 0.5, 4.125 * 5 / 32, 0.5 / 0.3), 1e9);
        assertThat(w4.macs()).isEqualTo(1354);
        assertThat(w4.withWeights()).isTrue();
    }

    @Test
    void withoutAnSramPriceTheMacUnitAloneSetsThePowerAndIsoPowerEqualsIsoAreaUnderTheGateProxy() {
        MacArrayDesign int8 = unit(1000, 0.3, Double.NaN, 1.0);
        // energy and area from the same gates: 0.85 pJ <-> 0.85 / 0.3 INT8-MAC areas; 0.3 W / 0.85 mW = 352.94 -> 352
        MacArrayDesign fp8 = unit(352, 0.85, Double.NaN, 0.85 / 0.3);
        IsoPower iso = IsoPower.of(int8, fp8, 1e9);
        assertThat(iso.withWeights()).isFalse();
        assertThat(iso.watts()).isCloseTo(0.3, within(1e-12));
        assertThat(iso.macs()).isEqualTo(352).isEqualTo(fp8.macs());
    }

    @Test
    void theAreaBudgetHandedToTheArraySizesExactlyTheIsoPowerUnits() {
        IsoPower fp8 = IsoPower.of(unit(1000, 0.3, 1.25, 1.0), unit(352, 0.85, 1.25, 0.85 / 0.3), 1e9);
        double budget = fp8.int8MacEquivalents(unit(352, 0.85, 1.25, 0.85 / 0.3));
        assertThat((long) Math.floor(budget / (0.85 / 0.3))).isEqualTo(738);
    }
}
