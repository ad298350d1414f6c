package org.pocketsim.hw.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pocketsim.hw.config.YamlConfig;

class DurationTest {

    @Test
    void parsesToWholePicoseconds() {
        assertThat(Duration.parse("18 ns").picoseconds()).isEqualTo(18_000L);
        assertThat(Duration.parse("1.2 us").picoseconds()).isEqualTo(1_200_000L);
        assertThat(Duration.parse("1.2 µs").picoseconds()).isEqualTo(1_200_000L);
        assertThat(Duration.parse("3 ms").picoseconds()).isEqualTo(3_000_000_000L);
        assertThat(Duration.parse("2 s").picoseconds()).isEqualTo(2_000_000_000_000L);
        assertThat(Duration.parse("500 ps").picoseconds()).isEqualTo(500L);
    }

    @Test
    void toStringRoundTrips() {
        assertThat(Duration.parse("1.2 us").toString()).isEqualTo("1.2 us");
        assertThat(Duration.parse("1200 ns").toString()).isEqualTo("1.2 us");
        assertThat(Duration.parse("18 ns").toString()).isEqualTo("18 ns");
        assertThat(Duration.ofPicoseconds(0).toString()).isEqualTo("0 ps");
        assertThat(Duration.ofPicoseconds(1_234_567).toString()).isEqualTo("1234567 ps");
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Duration.parse("18 sec"))
                .hasMessage("unknown unit 'sec' (accepted: ps, ns, us, µs, ms, s)");
        assertThatThrownBy(() -> Duration.parse("0.5 ps")).hasMessage("duration '0.5 ps' is not a whole number of picoseconds");
        assertThatThrownBy(() -> Duration.parse("-2 ns")).hasMessage("negative duration '-2 ns' (must be >= 0)");
        assertThatThrownBy(() -> Duration.parse("2 h")).hasMessage("unknown unit 'h' (accepted: ps, ns, us, µs, ms, s)");
        assertThatThrownBy(() -> Duration.parse("4000 s")).hasMessage("absurd duration '4000 s' (at most 3600 s)");
    }

    @Test
    void jacksonReadsTheTextForm() throws Exception {
        assertThat(YamlConfig.mapper().readValue("\"100 us\"", Duration.class).picoseconds()).isEqualTo(100_000_000L);
    }
}
