package org.pocketsim.engine.run;

import org.junit.jupiter.api.Test;
import org.pocketsim.engine.component.EnergyModel;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Prices here are test parameters: 1 W floor, 5 W CPU, 2.5 pJ/bit DRAM, 10 pJ/bit flash. */
class WholeRunTest {

    private final EnergyModel prices = new EnergyModel(2.5, 10.0, 0, Map.of("int8", 0.1), Map.of("int8", 1.0), 1000.0, 5000.0);

    @Test
    void eachPhaseIsPricedOverItsOwnTimeAndTheWindowAddsThemUp() {
        WholeRun run = new WholeRun();
        run.phase(0, 2.0);
        run.phase(1, 0.5).addFlashBytes(1_000_000_000L).addDramBytes(1_000_000_000L);
        run.phase(2, 1.0).addDramBytes(1_000_000_000L).addCpuMacs("int8", 10).addCpuBusyPs(1_000_000_000_000L);
        run.phase(3, 4.0).addDramBytes(8_000_000_000L).addCpuBusyPs(4_000_000_000_000L);
        Map<String, Double> m = new LinkedHashMap<>();
        run.addMetrics(m, prices, prices::tablePjPerMac, 100);
        // load: 8e9 bits x 10 pJ = 0.08 J flash and x 2.5 pJ = 0.02 J DRAM over 0.5 s
        assertThat(m.get("powerW.load.flash")).isCloseTo(0.16, within(1e-12));
        assertThat(m.get("powerW.load.dram")).isCloseTo(0.04, within(1e-12));
        assertThat(m.get("powerW.load.cpu")).isZero();
        // decode: 6.4e10 bits x 2.5 pJ = 0.16 J over 4 s = 0.04 W; CPU 5 W; floor 1 W
        assertThat(m.get("powerW.decode.dram")).isCloseTo(0.04, within(1e-12));
        assertThat(m.get("powerW.decode.cpu")).isCloseTo(5.0, within(1e-12));
        assertThat(m.get("decodePowerW")).isCloseTo(6.04, within(1e-12));
        assertThat(m.get("phaseMs.startup")).isEqualTo(2000.0);
        // window: floor 7.5 J + CPU 25 J + DRAM (0.02 + 0.02 + 0.16) J + flash 0.08 J = 32.78 J over 7.5 s
        assertThat(m.get("windowMs")).isEqualTo(7500.0);
        assertThat(m.get("windowEnergyJ")).isCloseTo(32.78, within(1e-9));
        assertThat(m.get("averagePowerW")).isCloseTo(32.78 / 7.5, within(1e-9));
        assertThat(m.get("energyPerOutputTokenWindowMj")).isCloseTo(327.8, within(1e-7));
        assertThat(m.get("loadBytes")).isEqualTo(1e9);
    }

    @Test
    void aNegativeOrInfinitePhaseIsAnError() {
        assertThatThrownBy(() -> new WholeRun().phase(2, -1)).hasMessage("phase prefill lasts -1.0 s");
        assertThatThrownBy(() -> new WholeRun().phase(3, Double.POSITIVE_INFINITY)).hasMessage("phase decode lasts Infinity s");
    }
}
