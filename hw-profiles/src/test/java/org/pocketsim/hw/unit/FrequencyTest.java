package org.pocketsim.hw.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pocketsim.hw.config.YamlConfig;

class FrequencyTest {

    @Test
    void parsesAndFormats() {
        assertThat(Frequency.parse("1.4 GHz").hertz()).isEqualTo(1.4e9);
        assertThat(Frequency.parse("800 MHz").hertz()).isEqualTo(8e8);
        assertThat(Frequency.parse("1196 MHz").toString()).isEqualTo("1196 MHz");
        assertThat(Frequency.parse("3.3 GHz").toString()).isEqualTo("3.3 GHz");
        assertThat(Frequency.parse("800 MHz").toString()).isEqualTo("800 MHz");
        assertThat(Frequency.parse("1 GHz").cyclePs()).isEqualTo(1000.0);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Frequency.parse("1.4 Ghz"))
                .hasMessage("unknown unit 'Ghz' (accepted: Hz, kHz, MHz, GHz)");
        assertThatThrownBy(() -> Frequency.parse("-1 GHz")).hasMessage("negative frequency '-1 GHz' (must be >= 0)");
        assertThatThrownBy(() -> Frequency.parse("1 THz")).hasMessage("unknown unit 'THz' (accepted: Hz, kHz, MHz, GHz)");
        assertThatThrownBy(() -> Frequency.parse("500 GHz")).hasMessage("absurd frequency '500 GHz' (at most 100 GHz)");
    }

    @Test
    void jacksonReadsTheTextForm() throws Exception {
        assertThat(YamlConfig.mapper().readValue("\"3.3 GHz\"", Frequency.class)).isEqualTo(Frequency.ofHertz(3.3e9));
    }
}
