package org.pocketsim.hw.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pocketsim.hw.config.YamlConfig;

class BandwidthTest {

    @Test
    void parsesDecimalAndBinaryRates() {
        assertThat(Bandwidth.parse("60 GB/s").bytesPerSecond()).isEqualTo(60e9);
        assertThat(Bandwidth.parse("450 MB/s").bytesPerSecond()).isEqualTo(450e6);
        assertThat(Bandwidth.parse("1 GiB/s").bytesPerSecond()).isEqualTo(1_073_741_824.0);
        assertThat(Bandwidth.parse("76.8 GB/s").bytesPerSecond()).isEqualTo(76_800_000_000.0);
        assertThat(Bandwidth.parse("2 KiB/s").bytesPerSecond()).isEqualTo(2048.0);
    }

    @Test
    void toStringRoundTrips() {
        assertThat(Bandwidth.parse("76.8 GB/s").toString()).isEqualTo("76.8 GB/s");
        assertThat(Bandwidth.parse("1 GiB/s").toString()).isEqualTo("1 GiB/s");
        assertThat(Bandwidth.parse("450 MB/s").toString()).isEqualTo("450 MB/s");
        assertThat(Bandwidth.parse("43.9 GB/s").toString()).isEqualTo("43.9 GB/s");
        Bandwidth odd = Bandwidth.ofBytesPerSecond(1234.5678);
        assertThat(Bandwidth.parse(odd.toString())).isEqualTo(odd);
    }

    @Test
    void transferTimeIsBytesOverRateInPicoseconds() {
        assertThat(Bandwidth.parse("1 GB/s").transferTimePs(1_000)).isEqualTo(1_000_000L);
        assertThat(Bandwidth.parse("60 GB/s").transferTimePs(60_000_000_000L)).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void rejectsBadInputWithAcceptedForms() {
        assertThatThrownBy(() -> Bandwidth.parse("60 GB"))
                .hasMessage("unknown unit 'GB' (accepted: B/s, KB/s, MB/s, GB/s, TB/s, KiB/s, MiB/s, GiB/s)");
        assertThatThrownBy(() -> Bandwidth.parse("-3 GB/s")).hasMessage("negative bandwidth '-3 GB/s' (must be >= 0)");
        assertThatThrownBy(() -> Bandwidth.parse("200 TB/s")).hasMessage("absurd bandwidth '200 TB/s' (at most 100 TB/s)");
        assertThatThrownBy(() -> Bandwidth.ofBytesPerSecond(Double.NaN)).hasMessage("bandwidth must be >= 0, got NaN B/s");
    }

    @Test
    void jacksonReadsTheTextForm() throws Exception {
        ObjectMapper mapper = YamlConfig.mapper();
        assertThat(mapper.readValue("\"59.6 GB/s\"", Bandwidth.class).bytesPerSecond()).isEqualTo(59.6e9);
    }
}
