package org.pocketsim.kernel.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntFormatTest {

    @Test
    void symmetricInt8UsesRestrictedRangeAndTwosComplementCodes() {
        IntFormat int8 = (IntFormat) FormatRegistry.get("int8");
        assertThat(int8.minLevel()).isEqualTo(-127);
        assertThat(int8.maxLevel()).isEqualTo(127);
        assertThat(int8.encode(-1)).isEqualTo(0xFF);
        assertThat(int8.encode(-200)).isEqualTo(0x81);
        assertThat(int8.encode(300)).isEqualTo(0x7F);
        assertThat(int8.decode(0x81)).isEqualTo(-127.0);
        assertThat(int8.decode(0xFF)).isEqualTo(-1.0);
    }

    @Test
    void levelsRoundHalfToEven() {
        IntFormat int4 = (IntFormat) FormatRegistry.get("int4");
        assertThat(int4.level(2.5)).isEqualTo(2);
        assertThat(int4.level(3.5)).isEqualTo(4);
        assertThat(int4.level(-2.5)).isEqualTo(-2);
        assertThat(int4.level(9.0)).isEqualTo(7);
    }

    @Test
    void everyWidthRoundTripsEveryLevel() {
        for (String name : new String[] {"int2", "int3", "int4", "int8", "int16", "int4-asym", "int8-asym"}) {
            IntFormat f = (IntFormat) FormatRegistry.get(name);
            for (int v = f.minLevel(); v <= f.maxLevel(); v++) {
                assertThat(f.decode(f.encode(v))).as("%s level %d", name, v).isEqualTo((double) v);
            }
        }
    }

    @Test
    void asymmetricFormatsUseUnsignedCodes() {
        IntFormat u4 = (IntFormat) FormatRegistry.get("int4-asym");
        assertThat(u4.minLevel()).isZero();
        assertThat(u4.maxLevel()).isEqualTo(15);
        assertThat(u4.encode(-3)).isZero();
        assertThat(u4.decode(15)).isEqualTo(15.0);
        assertThat(u4.bitsPerElement()).isEqualTo(4.0);
    }

    @Test
    void rejectsOutOfRangeWidthAndNan() {
        assertThatThrownBy(() -> new IntFormat("int1", 1, true)).hasMessageContaining("int1");
        assertThatThrownBy(() -> FormatRegistry.get("int8").roundTrip(new float[] {Float.NaN}, new float[1], 0, 1))
                .hasMessageContaining("NaN");
    }
}
