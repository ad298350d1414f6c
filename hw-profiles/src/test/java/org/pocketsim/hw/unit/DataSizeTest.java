package org.pocketsim.hw.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pocketsim.hw.config.YamlConfig;

class DataSizeTest {

    @Test
    void decimalUnitsArePowersOfTen() {
        assertThat(DataSize.parse("12 GB").bytes()).isEqualTo(12_000_000_000L);
        assertThat(DataSize.parse("450 MB").bytes()).isEqualTo(450_000_000L);
        assertThat(DataSize.parse("4 KB").bytes()).isEqualTo(4_000L);
        assertThat(DataSize.parse("7 B").bytes()).isEqualTo(7L);
    }

    @Test
    void binaryUnitsArePowersOfTwo() {
        assertThat(DataSize.parse("12 GiB").bytes()).isEqualTo(12_884_901_888L);
        assertThat(DataSize.parse("6 MiB").bytes()).isEqualTo(6_291_456L);
        assertThat(DataSize.parse("4 KiB").bytes()).isEqualTo(4_096L);
    }

    @Test
    void acceptsFractionsThatAreWholeBytesAndNoSpace() {
        assertThat(DataSize.parse("1.5 KiB").bytes()).isEqualTo(1_536L);
        assertThat(DataSize.parse("0.5GB").bytes()).isEqualTo(500_000_000L);
    }

    @Test
    void toStringIsShortestExactFormAndRoundTrips() {
        assertThat(DataSize.parse("12 GiB").toString()).isEqualTo("12 GiB");
        assertThat(DataSize.parse("12 GB").toString()).isEqualTo("12 GB");
        assertThat(DataSize.parse("1536 B").toString()).isEqualTo("1.5 KiB");
        assertThat(DataSize.ofBytes(1_000_001).toString()).isEqualTo("1000001 B");
        assertThat(DataSize.ofBytes(0).toString()).isEqualTo("0 B");
        for (long bytes : new long[] {1, 999, 1_000, 4_096, 76_800_000_000L, 17_179_869_184L, 123_456_789L}) {
            assertThat(DataSize.parse(DataSize.ofBytes(bytes).toString()).bytes()).isEqualTo(bytes);
        }
    }

    @Test
    void unknownUnitListsAcceptedUnits() {
        assertThatThrownBy(() -> DataSize.parse("12 GBB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown unit 'GBB' (accepted: B, KB, MB, GB, KiB, MiB, GiB)");
    }

    @Test
    void unitsAreCaseSensitive() {
        assertThatThrownBy(() -> DataSize.parse("12 gb"))
                .hasMessage("unknown unit 'gb' (accepted: B, KB, MB, GB, KiB, MiB, GiB)");
    }

    @Test
    void missingUnitIsRejected() {
        assertThatThrownBy(() -> DataSize.parse("12"))
                .hasMessage("missing unit in '12' (accepted: B, KB, MB, GB, KiB, MiB, GiB)");
    }

    @Test
    void emptyAndNonNumericTextAreRejected() {
        assertThatThrownBy(() -> DataSize.parse(" "))
                .hasMessage("empty data size; expected a number and a unit, e.g. '12 GB' "
                        + "(accepted: B, KB, MB, GB, KiB, MiB, GiB)");
        assertThatThrownBy(() -> DataSize.parse("NaN GB"))
                .hasMessage("'NaN GB' is not a data size (expected a number and a unit, e.g. '12 GB'; "
                        + "accepted: B, KB, MB, GB, KiB, MiB, GiB)");
        assertThatThrownBy(() -> DataSize.parse("twelve GB")).hasMessageStartingWith("'twelve GB' is not a data size");
    }

    @Test
    void negativeFractionalAndAbsurdSizesAreRejected() {
        assertThatThrownBy(() -> DataSize.parse("-1 GB")).hasMessage("negative data size '-1 GB' (must be >= 0)");
        assertThatThrownBy(() -> DataSize.parse("1.5 B")).hasMessage("data size '1.5 B' is not a whole number of bytes");
        assertThatThrownBy(() -> DataSize.parse("2000000 GB")).hasMessage("absurd data size '2000000 GB' (at most 1 PiB)");
        assertThatThrownBy(() -> DataSize.ofBytes(-5)).hasMessage("negative data size -5 B (must be >= 0)");
    }

    @Test
    void jacksonReadsAndWritesTheTextForm() throws Exception {
        ObjectMapper mapper = YamlConfig.mapper();
        assertThat(mapper.readValue("\"16 GiB\"", DataSize.class)).isEqualTo(DataSize.ofBytes(17_179_869_184L));
        assertThat(mapper.writeValueAsString(DataSize.parse("16 GiB"))).isEqualTo("--- \"16 GiB\"\n");
    }
}
