package org.pocketsim.kernel.gemv;

import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.ScalarFormat;

/**
 * What a GEMV multiplies in: the activation format (a scalar format from the registry, e.g.
 * {@code fp16}, {@code int8}, {@code fp8-e4m3}, {@code int4}) and the accumulator. The MAC array
 * multiplies in the activation format (weights are dequantised or up-converted to it), so MACs
 * are counted under the kind {@code "<activation>/<accumulator>"}, e.g. {@code int8/int32}.
 *
 * @param activationFormat registry name of a scalar format
 * @param accumulator      accumulator of the dot products
 */
public record GemvSpec(String activationFormat, Accumulator accumulator) {

    public GemvSpec {
        if (accumulator == null) throw new IllegalArgumentException("accumulator is required");
        ScalarFormat f = FormatRegistry.scalar(activationFormat);
        if (accumulator == Accumulator.INT32 && !FormatBits.integerGrid(f)) {
            throw new IllegalArgumentException("INT32 accumulation needs integer activations, got " + activationFormat);
        }
    }

    /** FP16 activations, FP32 accumulation: the usual weight-only-quantised decode kernel. */
    public static GemvSpec fp16() {
        return new GemvSpec("fp16", Accumulator.FP32);
    }

    public ScalarFormat activation() {
        return FormatRegistry.scalar(activationFormat);
    }

    /** MAC kind key for {@code KernelWork}: {@code "<activation>/<accumulator>"}. */
    public String macKind() {
        return activationFormat + "/" + accumulator.key();
    }
}
