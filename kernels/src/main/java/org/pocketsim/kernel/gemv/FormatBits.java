package org.pocketsim.kernel.gemv;

import org.pocketsim.kernel.format.BlockFormat;
import org.pocketsim.kernel.format.GroupIntFormat;
import org.pocketsim.kernel.format.IntFormat;
import org.pocketsim.kernel.format.MxFormat;
import org.pocketsim.kernel.format.Nf4Format;
import org.pocketsim.kernel.format.NumberFormat;
import org.pocketsim.kernel.format.ScalarFormat;
import org.pocketsim.kernel.format.TernaryFormat;
import org.pocketsim.kernel.format.VectorQuantFormat;

/**
 * Storage split of a number format into payload bits per code and metadata bits per block, for
 * byte accounting (payload counts as {@code WEIGHTS}, metadata as {@code SCALES}). Derived from
 * the format's own {@code bitsPerElement()}: metadata per block =
 * {@code (bitsPerElement - payloadBits) * blockSize}.
 */
final class FormatBits {

    private FormatBits() {
    }

    /** Bits of one stored code: one element, or one vector index for vector quantisation. */
    static int codeBits(NumberFormat f) {
        if (f instanceof ScalarFormat s) return s.bits();
        if (f instanceof GroupIntFormat g) return g.element().bits();
        if (f instanceof VectorQuantFormat v) return v.indexBits();
        if (f instanceof Nf4Format) return 4;
        if (f instanceof TernaryFormat) return 2;
        MxFormat mx = (MxFormat) f;
        return (int) Math.round(mx.bitsPerElement() - 8.0 / mx.blockSize());
    }

    /** Metadata bits stored per block (scales, zero points); 0 for scalar and VQ formats. */
    static int metaBitsPerBlock(NumberFormat f) {
        if (!(f instanceof BlockFormat b) || f instanceof VectorQuantFormat) return 0;
        return (int) Math.round((f.bitsPerElement() - codeBits(f)) * b.blockSize());
    }

    /** Whether decoded codes are integer levels times a block scale (enables INT32 accumulation). */
    static boolean integerGrid(NumberFormat f) {
        return f instanceof IntFormat || f instanceof GroupIntFormat;
    }
}
