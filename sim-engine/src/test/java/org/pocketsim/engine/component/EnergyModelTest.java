package org.pocketsim.engine.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Energy prices here are test parameters, not hardware figures. */
class EnergyModelTest {

    private final EnergyModel model = new EnergyModel(4.0, 10.0, 0.5,
            Map.of("int8", 0.2), Map.of("fp16", 5.0), 1000.0);

    @Test
    void eachCountedActionIsPricedByItsTable() {
        ActionCounts counts = new ActionCounts()
                .addDramBytes(1_000_000).addFlashBytes(1_000).addSramBytes(100)
                .addNpuMacs("int8", 1_000_000).addCpuMacs("fp16", 1_000)
                .addElapsedPs(1_000_000_000_000L);
        EnergyBreakdown energy = model.price(counts);
        assertThat(energy.dramPj()).isEqualTo(3.2e7);
        assertThat(energy.flashPj()).isEqualTo(8e4);
        assertThat(energy.sramPj()).isEqualTo(50.0);
        assertThat(energy.npuMacPj()).isEqualTo(2e5);
        assertThat(energy.cpuMacPj()).isEqualTo(5e3);
        // 1 W for 1 s = 1 J
        assertThat(energy.staticPj()).isEqualTo(1e12);
        assertThat(energy.totalPj()).isEqualTo(3.2e7 + 8e4 + 50 + 2e5 + 5e3 + 1e12);
    }

    @Test
    void withACpuActivePowerTheCpuIsPricedByItsBusyTimeNotPerMac() {
        EnergyModel byTime = new EnergyModel(4.0, 10.0, 0.5, Map.of("int8", 0.2), Map.of("fp16", 5.0), 1000.0, 5000.0);
        ActionCounts counts = new ActionCounts().addCpuMacs("fp16", 1_000).addCpuBusyPs(2_000_000_000_000L)
                .addElapsedPs(3_000_000_000_000L);
        EnergyBreakdown energy = byTime.price(counts);
        // 5 W busy for 2 s = 10 J; the 1,000 MACs are not charged on top; 1 W floor for 3 s = 3 J
        assertThat(energy.cpuMacPj()).isEqualTo(1e13);
        assertThat(energy.staticPj()).isEqualTo(3e12);
        // Without it the busy time costs nothing and the MACs are priced
        assertThat(model.price(counts).cpuMacPj()).isEqualTo(5e3);
    }

    @Test
    void macsInAFormatWithoutAPriceAreAnError() {
        ActionCounts counts = new ActionCounts().addNpuMacs("fp8-e4m3", 1);
        assertThatThrownBy(() -> model.price(counts))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("npuPjPerMac").hasMessageContaining("'fp8-e4m3'");
    }

    @Test
    void negativePricesAndCountsAreRejected() {
        assertThatThrownBy(() -> new EnergyModel(-1, 0, 0, Map.of(), Map.of(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dramPjPerBit");
        assertThatThrownBy(() -> new ActionCounts().addDramBytes(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
