package org.pocketsim.kernel.cost;

import java.util.List;
import java.util.Map;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.NumberFormat;

/**
 * What one multiply-add unit multiplies: a weight format times an activation format.
 *
 * <p>Names: a single registry format name means both operands are in it ({@code int8},
 * {@code fp8-e4m3}, {@code mxfp4}); {@code <weight>/<activation>} names both
 * ({@code int4-g128/fp16}); and the shorthands of {@link #SHORTHANDS} name the usual
 * weight-only-quantised pairs (W4A8, W4A16). Bits per element include block scales.
 *
 * @param name       the name it was built from
 * @param weight     format of the stationary operand (weights)
 * @param activation format of the streamed operand (activations)
 */
public record MacDatapath(String name, NumberFormat weight, NumberFormat activation) {

    /** Weight-only-quantised pairs by name; NF4 is bitsandbytes' (FP32 absmax per 64). */
    public static final Map<String, String> SHORTHANDS = Map.of(
            "w4a8-int4", "int4/int8",
            "w4a8-int4-g128", "int4-g128/int8",
            "w4a16-int4-g128", "int4-g128/fp16",
            "w4a8-nf4", "nf4/int8",
            "w4a16-nf4", "nf4/fp16");

    /** The datapaths the study tables list beyond the same-format ones. */
    public static final List<String> MIXED = List.of("w4a8-int4", "w4a8-int4-g128", "w4a16-int4-g128", "w4a8-nf4", "w4a16-nf4");

    public MacDatapath {
        if (weight == null || activation == null) {
            throw new IllegalArgumentException("MAC datapath " + name + ": weight and activation formats are required");
        }
    }

    /**
     * The datapath called {@code name}.
     *
     * @throws IllegalArgumentException naming it when a format in it is unknown
     */
    public static MacDatapath of(String name) {
        String pair = SHORTHANDS.getOrDefault(name, name);
        int slash = pair.indexOf('/');
        if (slash < 0) {
            NumberFormat f = FormatRegistry.get(pair);
            return new MacDatapath(name, f, f);
        }
        return new MacDatapath(name, FormatRegistry.get(pair.substring(0, slash)), FormatRegistry.get(pair.substring(slash + 1)));
    }

    /** Both operands in {@code format}. */
    public static MacDatapath same(NumberFormat format) {
        return new MacDatapath(format.name(), format, format);
    }

    /** Storage bits per weight, scales included (e.g. 4.125 for INT4-g128). */
    public double weightBitsPerElement() {
        return weight.bitsPerElement();
    }

    /** Storage bits per activation, scales included. */
    public double activationBitsPerElement() {
        return activation.bitsPerElement();
    }
}
