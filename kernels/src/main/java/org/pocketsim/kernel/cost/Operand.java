package org.pocketsim.kernel.cost;

import org.pocketsim.kernel.format.FloatFormat;
import org.pocketsim.kernel.format.GroupIntFormat;
import org.pocketsim.kernel.format.IntFormat;
import org.pocketsim.kernel.format.MxFormat;
import org.pocketsim.kernel.format.Nf4Format;
import org.pocketsim.kernel.format.NumberFormat;

/**
 * What the multiplier sees of one operand: an integer of {@code bits} (two's complement) or an
 * ExMy float; the gates spent per MAC to decode a stored code into it; and the block that
 * shares a scale (size 0: none).
 *
 * <ul>
 *   <li>MX (OCP MX v1.0): the element (MXINT8: INT8, its 2^-6 folded into the scale), blocks of
 *       32 with an E8M0 scale.</li>
 *   <li>INT b with a scale per group (GPTQ/AWQ style): INT b, groups of g with the stored scale
 *       format; asymmetric grids subtract the zero point per MAC, a (b+1)-bit add.</li>
 *   <li>NF4: the 4-bit code selects one of 16 hard-wired levels; the levels rounded to FP16
 *       (smallest magnitude 0.0796 has an FP16 quantum of 2^-14, largest 1.0) are exact as a
 *       16-bit two's-complement fixed point with 14 fraction bits, which is what the multiplier
 *       sees. Decode: per output bit a 16-input constant table, bounded by a 4-level mux tree
 *       whose first level collapses to wires or one shared inverter, i.e. 7 MUX2, so
 *       {@value #NF4_LUT_GATES} gates (assumed upper bound: synthesis of constant tables usually does
 *       better).</li>
 * </ul>
 */
record Operand(boolean isFloat, int bits, int exponentBits, int mantissaBits, int maxExponent, int minExponent,
               double decodeGates, int blockSize, Scale scale) {
    static final int NF4_FIXED_BITS = 16;
    static final int NF4_LUT_GATES = NF4_FIXED_BITS * 7 * Gates.MUX2 + 1;

    /** How a block's scale is held. */
    sealed interface Scale permits NoScale, E8m0, FloatScale {
    }

    /** No shared scale (per-tensor or per-token scales are applied once per output, not per MAC). */
    record NoScale() implements Scale {
    }

    /** OCP MX E8M0: a power of two. */
    record E8m0() implements Scale {
    }

    /** A stored floating-point scale per group. */
    record FloatScale(FloatFormat format) implements Scale {
    }

    static Operand of(NumberFormat f) {
        if (f instanceof IntFormat i) {
            return integer(i.bits(), 0, 0, new NoScale());
        }
        if (f instanceof FloatFormat x) {
            return new Operand(true, x.bits(), x.exponentBits(), x.mantissaBits(), x.maxExponent(), x.minExponent(),
                    0, 0, new NoScale());
        }
        if (f instanceof MxFormat mx) {
            Operand e = mx.element() == null ? integer(8, 0, 0, null) : of(mx.element());
            return new Operand(e.isFloat, e.bits, e.exponentBits, e.mantissaBits, e.maxExponent, e.minExponent,
                    0, mx.blockSize(), new E8m0());
        }
        if (f instanceof GroupIntFormat g) {
            int b = g.element().bits();
            return g.element().symmetric()
                    ? integer(b, 0, g.blockSize(), new FloatScale(g.scaleFormat()))
                    : integer(b + 1, Gates.add(b + 1), g.blockSize(), new FloatScale(g.scaleFormat()));
        }
        if (f instanceof Nf4Format n) {
            return integer(NF4_FIXED_BITS, NF4_LUT_GATES, n.blockSize(), new FloatScale(n.scaleFormat()));
        }
        throw new IllegalArgumentException("MAC cost model covers integer, ExMy, MX, group-integer and NF4 operands; got "
                + f.name());
    }

    private static Operand integer(int bits, double decode, int block, Scale scale) {
        return new Operand(false, bits, 0, bits - 1, 0, 0, decode, block, scale);
    }

    /** Bits of a magnitude that holds every value exactly: b-1 for INT b, emax - emin + m + 1 for ExMy. */
    int magnitudeBits() {
        return isFloat ? maxExponent - minExponent + mantissaBits + 1 : bits - 1;
    }
}
