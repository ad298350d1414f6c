package org.pocketsim.kernel.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of every scalar format of the registry up to 16 bits, over all its bit patterns:
 * each representable value (within the grid; NaN aside) encodes back to itself, sign of zero
 * included; codes fit in {@code bits()}; and encoding rounds to the nearest representable value
 * and is monotone: quarter points between neighbours go to the nearer one, in order.
 */
class ScalarFormatPropertyTest {

    static Stream<String> formats() {
        List<String> names = new ArrayList<>(FormatRegistry.FIXED_NAMES);
        names.addAll(List.of("int2", "int3", "int4", "int8", "int16", "int4-asym", "int8-asym"));
        return names.stream().filter(n -> FormatRegistry.get(n) instanceof ScalarFormat s && s.bits() <= 16);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void everyRepresentableValueRoundTripsToItself(String name) {
        ScalarFormat f = FormatRegistry.scalar(name);
        for (int code = 0; code < 1 << f.bits(); code++) {
            double v = f.decode(code);
            if (Double.isNaN(v) || Math.abs(v) > f.maxFinite() && !Double.isInfinite(v)) continue;
            int again = f.encode(v);
            assertThat(again >>> f.bits()).as("%s: code of %s fits in %d bits", name, v, f.bits()).isZero();
            assertThat(Double.compare(f.decode(again), v)).as("%s: code %s = %s encodes to %s = %s", name,
                    Integer.toHexString(code), v, Integer.toHexString(again), f.decode(again)).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void encodingRoundsToTheNearerNeighbourAndIsMonotone(String name) {
        ScalarFormat f = FormatRegistry.scalar(name);
        TreeSet<Double> values = new TreeSet<>();
        for (int code = 0; code < 1 << f.bits(); code++) {
            double v = f.decode(code);
            if (Double.isFinite(v) && Math.abs(v) <= f.maxFinite()) values.add(v == 0 ? 0.0 : v);
        }
        double previous = Double.NEGATIVE_INFINITY;
        Double a = null;
        for (double b : values) {
            if (a != null) {
                double low = a + (b - a) * 0.25;
                double high = a + (b - a) * 0.75;
                double lowTo = f.decode(f.encode(low));
                double highTo = f.decode(f.encode(high));
                assertThat(lowTo).as("%s: %s (between %s and %s)", name, low, a, b).isEqualTo(a == 0 ? lowTo : a);
                assertThat(highTo).as("%s: %s (between %s and %s)", name, high, a, b).isEqualTo(b == 0 ? highTo : b);
                assertThat(lowTo).as("%s: monotone at %s", name, low).isGreaterThanOrEqualTo(previous);
                assertThat(highTo).as("%s: monotone at %s", name, high).isGreaterThanOrEqualTo(lowTo);
                previous = highTo;
            }
            a = b;
        }
        assertThat(values.size()).as("%s has representable values", name).isGreaterThan(2);
    }
}
