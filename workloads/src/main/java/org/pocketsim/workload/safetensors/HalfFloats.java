package org.pocketsim.workload.safetensors;

/**
 * Bit-exact conversions between float and the two 16-bit float formats (IEEE binary16 and
 * bfloat16). Decoding fp16 uses a 65536-entry table (256 KiB, built once) so the hot loop of
 * a row read is one load per element; encoding rounds to nearest, ties to even, as PyTorch does.
 * NaN payloads keep their top mantissa bits, so every fp16 and bf16 bit pattern survives a
 * decode-encode round trip.
 */
public final class HalfFloats {

    private static final float[] FP16_TO_FLOAT = buildTable();

    private HalfFloats() {
    }

    /** The float equal to fp16 bit pattern {@code bits} (low 16 bits used). */
    public static float fp16ToFloat(short bits) {
        return FP16_TO_FLOAT[bits & 0xFFFF];
    }

    /** The float equal to bf16 bit pattern {@code bits}: the upper half of a float32. */
    public static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xFFFF) << 16);
    }

    /** The fp16 nearest to {@code value} (ties to even); overflow gives infinity, NaN stays NaN. */
    public static short floatToFp16(float value) {
        int f = Float.floatToRawIntBits(value);
        int sign = (f >>> 16) & 0x8000;
        int exp = (f >>> 23) & 0xFF;
        int mant = f & 0x7FFFFF;
        if (exp == 0xFF) {
            if (mant == 0) return (short) (sign | 0x7C00);
            int payload = mant >>> 13;
            return (short) (sign | 0x7C00 | (payload == 0 ? 0x200 : payload));
        }
        int e = exp - 127 + 15;
        if (e >= 0x1F) return (short) (sign | 0x7C00);
        if (e <= 0) {
            if (e < -10) return (short) sign;
            int m = mant | 0x800000;
            int shift = 14 - e;
            int half = m >>> shift;
            int rem = m & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rem > mid || (rem == mid && (half & 1) == 1)) half++;
            return (short) (sign | half);
        }
        int half = (e << 10) | (mant >>> 13);
        int rem = mant & 0x1FFF;
        if (rem > 0x1000 || (rem == 0x1000 && (half & 1) == 1)) half++;
        return (short) (sign | half);
    }

    /** The bf16 nearest to {@code value} (ties to even); NaN stays NaN. */
    public static short floatToBf16(float value) {
        int f = Float.floatToRawIntBits(value);
        if ((f & 0x7F800000) == 0x7F800000 && (f & 0x7FFFFF) != 0) {
            int top = f >>> 16;
            return (short) ((top & 0x7F) == 0 ? top | 0x40 : top);
        }
        int rounding = 0x7FFF + ((f >>> 16) & 1);
        return (short) ((f + rounding) >>> 16);
    }

    private static float[] buildTable() {
        float[] table = new float[1 << 16];
        for (int h = 0; h < table.length; h++) table[h] = decode(h);
        return table;
    }

    private static float decode(int h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0x1F) return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        if (exp == 0) {
            float magnitude = mant * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
