package org.pocketsim.kernel.format;

/**
 * A format with one code per element and no scale: {@link IntFormat} or {@link FloatFormat}.
 * Codes are the format's bit pattern in the low {@link #bits()} bits of an {@code int}.
 */
public sealed interface ScalarFormat extends NumberFormat permits IntFormat, FloatFormat {

    /** Width of one code. */
    int bits();

    /** Code of the representable value nearest to {@code x} under this format's rounding. */
    int encode(double x);

    /** Exact value of {@code code} (NaN and infinities where the format has them). */
    double decode(int code);

    /** Largest finite representable magnitude. */
    double maxFinite();

    @Override
    default double bitsPerElement() {
        return bits();
    }

    /** Encodes {@code len} values of {@code src} from {@code srcOff} into {@code codes}. */
    default void encode(float[] src, int srcOff, int[] codes, int codeOff, int len) {
        for (int i = 0; i < len; i++) {
            codes[codeOff + i] = encode(src[srcOff + i]);
        }
    }

    /** Decodes {@code len} codes from {@code codeOff} into {@code dst} from {@code dstOff}. */
    default void decode(int[] codes, int codeOff, float[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = (float) decode(codes[codeOff + i]);
        }
    }

    @Override
    default void roundTrip(float[] src, float[] dst, int off, int len) {
        for (int i = off; i < off + len; i++) {
            dst[i] = (float) decode(encode(src[i]));
        }
    }
}
