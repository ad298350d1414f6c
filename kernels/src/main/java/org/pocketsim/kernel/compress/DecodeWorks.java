package org.pocketsim.kernel.compress;

import org.pocketsim.kernel.format.BlockFormat;
import org.pocketsim.kernel.format.CompressedFormat;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.GroupIntFormat;
import org.pocketsim.kernel.format.Nf4Format;
import org.pocketsim.kernel.format.NumberFormat;
import org.pocketsim.kernel.format.ScalarFormat;
import org.pocketsim.kernel.format.TernaryFormat;
import org.pocketsim.kernel.format.VectorQuantFormat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.pocketsim.kernel.compress.DecodeOp.ACCUMULATE;
import static org.pocketsim.kernel.compress.DecodeOp.ADD;
import static org.pocketsim.kernel.compress.DecodeOp.GATHER;
import static org.pocketsim.kernel.compress.DecodeOp.LUT;
import static org.pocketsim.kernel.compress.DecodeOp.MAC;
import static org.pocketsim.kernel.compress.DecodeOp.SCALE;
import static org.pocketsim.kernel.compress.DecodeOp.UNPACK;

/**
 * Decode work per weight of every registry format, derived from its layout (the per-format table
 * the compute models consult; it knows nothing of units or rates). The counts are for a GEMV that
 * decodes each weight once per token and multiplies it with its activation:
 * <ul>
 *   <li>16/32-bit floats and 8-bit scalars: 1 MAC; sub-byte scalars also 1 UNPACK;</li>
 *   <li>{@code int<b>-g<G>}, MX and llama.cpp blocks: 1 MAC, 1 UNPACK below 8 bits, 1/G SCALE;</li>
 *   <li>NF4: 1 MAC, 1 UNPACK, 1 LUT (16 levels), 1/G SCALE;</li>
 *   <li>{@code vq-b<b>-d<d>}: 1 MAC, 1/d UNPACK (the index); a codebook of at most 64 bytes
 *       (2^b * d FP16 values; NEON TBL's four-register table) is 1 LUT per weight, a larger one
 *       1/d GATHER (one codeword load per index, as GPTVQ's LUT decode or AQLM's kernels do);</li>
 *   <li>E8P: 1 MAC, 1/8 UNPACK (abs index, 7 sign bits, shift bit), 1/8 GATHER (the 8-byte
 *       abs-grid entry from the 2 KiB table), 2 ADD (sign and the +-1/4 shift);</li>
 *   <li>AQLM M x b: 1 MAC, M/8 UNPACK, M/8 GATHER (a codeword per code), M-1 ADD (summing the M codewords);</li>
 *   <li>SpQR: the dense group format's work, plus per outlier (share p): 1 UNPACK (column
 *       index), 1 GATHER (its activation), 1 MAC (FP16);</li>
 *   <li>N:M: N/M MAC, N/M UNPACK of the value codes (below 8 bits) plus N/M of the positions,
 *       N/M GATHER (the activation a position picks), (N/M)/G SCALE;</li>
 *   <li>ternary: 0 MAC, 1 ACCUMULATE (add or subtract the activation, skipped for 0; counted for every
 *       weight as a branch-free kernel does, BitNet b1.58, Ma et al. 2024, arXiv 2402.17764: "its
 *       matrix multiplication only involves integer addition"), 1 UNPACK (2-bit code) or for the
 *       five-trits-per-byte packing 1 LUT (base-3 digit from a table), 1/G SCALE.</li>
 * </ul>
 */
public final class DecodeWorks {

    private static final Map<String, DecodeWork> CACHE = new ConcurrentHashMap<>();
    /** NEON TBL with four 128-bit table registers looks up in 64 bytes. */
    static final int REGISTER_TABLE_BYTES = 64;

    private DecodeWorks() {
    }

    /** The decode work of the registry format {@code name}. */
    public static DecodeWork of(String name) {
        return CACHE.computeIfAbsent(name, n -> of(FormatRegistry.get(n)));
    }

    /** The decode work of {@code f}. */
    public static DecodeWork of(NumberFormat f) {
        DecodeWork.Counts c = new DecodeWork.Counts();
        if (f instanceof CompressedFormat cf) return compressed(cf, c);
        if (f instanceof VectorQuantFormat vq) {
            double d = vq.dim();
            long bookBytes = vq.codebookBits() / 8;
            c.add(MAC, 1).add(UNPACK, 1 / d);
            if (bookBytes <= REGISTER_TABLE_BYTES) c.add(LUT, 1);
            else c.add(GATHER, 1 / d);
            return c.build(f.name(), "codebook of " + bookBytes + " B: " + (bookBytes <= REGISTER_TABLE_BYTES
                    ? "a register-table lookup per weight" : "one codeword load per index of " + vq.dim() + " weights"));
        }
        if (f instanceof TernaryFormat t) {
            c.add(ACCUMULATE, 1).add(t.fiveTritsPerByte() ? LUT : UNPACK, 1).add(SCALE, 1.0 / t.blockSize());
            return c.build(f.name(), "adds instead of multiplies; " + (t.fiveTritsPerByte() ? "base-3 digits by table" : "2-bit codes"));
        }
        if (f instanceof Nf4Format n) {
            c.add(MAC, 1).add(UNPACK, 1).add(LUT, 1).add(SCALE, 1.0 / n.blockSize());
            return c.build(f.name(), "4-bit code to one of 16 levels by table");
        }
        scalarOrGroup(f, 1, c);
        return c.build(f.name(), f.bitsPerElement() < 8 ? "unpack the code, scale per block" : "multiply as stored");
    }

    /** Dense work of a scalar or block-scaled format on {@code share} of the weights. */
    private static void scalarOrGroup(NumberFormat f, double share, DecodeWork.Counts c) {
        c.add(MAC, share);
        int codeBits = f instanceof ScalarFormat s ? s.bits() : f instanceof GroupIntFormat g ? g.element().bits()
                : (int) Math.floor(f.bitsPerElement());
        if (codeBits < 8) c.add(UNPACK, share);
        if (f instanceof BlockFormat b) c.add(SCALE, share / b.blockSize());
    }

    private static DecodeWork compressed(CompressedFormat f, DecodeWork.Counts c) {
        switch (f.kind()) {
            case E8P -> c.add(MAC, 1).add(UNPACK, 1 / 8.0).add(GATHER, 1 / 8.0).add(ADD, 2);
            case AQLM -> c.add(MAC, 1).add(UNPACK, f.first() / 8.0).add(GATHER, f.first() / 8.0).add(ADD, f.first() - 1)
                    .add(SCALE, 1.0 / CompressedFormat.ROW_WEIGHTS);
            case SPQR -> {
                scalarOrGroup(f.inner(), 1, c);
                double p = f.outlierShare();
                c.add(UNPACK, p).add(GATHER, p).add(MAC, p);
            }
            case NM -> {
                double kept = f.first() / (double) f.second();
                scalarOrGroup(f.inner(), kept, c);
                c.add(UNPACK, kept).add(GATHER, kept);
            }
        }
        return c.build(f.name(), switch (f.kind()) {
            case E8P -> "16-bit code per 8 weights: abs-grid load, signs and shift";
            case AQLM -> f.first() + " codeword loads per 8 weights, summed";
            case SPQR -> "dense " + f.inner().name() + " plus indexed FP16 outliers";
            case NM -> f.first() + " of " + f.second() + " multiplied, activations picked by position";
        });
    }
}
