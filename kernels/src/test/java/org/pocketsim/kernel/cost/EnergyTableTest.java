package org.pocketsim.kernel.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnergyTableTest {

    @Test
    void horowitzTableCarriesEnergyAreaAndSource() {
        EnergyTable t = EnergyTable.load(EnergyTable.HOROWITZ_45NM);
        assertThat(t.energyPj("int8 mult")).isEqualTo(0.2);
        assertThat(t.energyPj("fp32 add")).isEqualTo(0.9);
        assertThat(t.areaUm2("fp16 mult")).isEqualTo(1640.0);
        assertThat(t.energyPj("dram read 32b")).isEqualTo(640.0);
        assertThat(t.hasArea("dram read 32b", "int8 mult")).isFalse();
        assertThat(t.source()).contains("ISSCC 2014").contains("Hennessy");
    }

    @Test
    void sevenNanometreTableIsEnergyOnly() {
        EnergyTable t = EnergyTable.load(EnergyTable.TPUV4I_7NM);
        assertThat(t.energyPj("int8 mult")).isEqualTo(0.07);
        assertThat(t.energyPj("bf16 add")).isEqualTo(0.11);
        assertThat(t.areaUm2()).isEmpty();
        assertThat(t.source()).contains("TPUv4i");
        assertThatThrownBy(() -> t.areaUm2("int8 mult")).hasMessageContaining("tpuv4i-7nm");
        assertThatThrownBy(() -> t.energyPj("fp8 mult")).hasMessageContaining("fp8 mult");
    }

    @Test
    void intVsFpTable5RatiosAreLoadedWithTheirBaseline() {
        RelativeCostTable t = RelativeCostTable.intVsFpTable5();
        assertThat(t.ratio("mxint8")).isEqualTo(new RelativeCostTable.Ratio("mxfp8", 0.63, 0.79));
        assertThat(t.ratio("nvint4").area()).isEqualTo(0.38);
        assertThat(t.ratio("mxint8+nvint4").baseline()).isEqualTo("mxfp8+nvfp4");
        assertThat(t.source()).contains("2510.25602");
        assertThatThrownBy(() -> t.ratio("mxint4")).hasMessageContaining("mxint4");
    }

    @Test
    void missingResourceIsAClearError() {
        assertThatThrownBy(() -> EnergyTable.load("no-such-table")).hasMessageContaining("no-such-table.csv");
    }
}
