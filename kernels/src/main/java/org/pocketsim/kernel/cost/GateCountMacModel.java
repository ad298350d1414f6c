package org.pocketsim.kernel.cost;

import static org.pocketsim.kernel.cost.Gates.MUX2;
import static org.pocketsim.kernel.cost.Gates.OR2;
import static org.pocketsim.kernel.cost.Gates.XOR2;

import org.pocketsim.kernel.format.FloatFormat;

/**
 * Gate-count model of one multiply-add unit after the FP8-vs-INT8 whitepaper (van Baalen et
 * al., arXiv 2303.17951, Sec. 3.3, Fig. 2, Appendix B), built only from {@link Gates}
 * primitives. Datapaths (operands as {@link Operand} describes them):
 *
 * <ul>
 *   <li>Multiplier. INT a x INT b: signed a x b array. ExMy x ExMy: significand array, exponent
 *       adder, sign XOR, hidden-bit ORs, and conversion of the sign-magnitude product to two's
 *       complement (XOR + increment). ExMy x INT b (W4A16): (m+1) x b array, hidden-bit ORs and
 *       the conditional negation by the float's sign; the exponent passes through. Weight
 *       decoding (NF4 table, zero point) counts here too.</li>
 *   <li>Fixed-point (Kulisch) accumulation, Fig. 2(a). The product spans P bits (every value of
 *       either operand exact): 2b - 1 for INT b (15 for INT8), {@code 2 (emax - emin) + 2m + 3}
 *       for ExMy (37 for E4M3); the accumulator has P + 12 bits. Integer products go straight
 *       into a P-bit adder; float products pass a pipe stage and a widening left shift by the
 *       exponent. The top 12 bits only carry: an 11-bit incrementer. Register: P + 12 FFs.</li>
 *   <li>Floating-point accumulation, Fig. 2(b), smallest-gate choices (no LZA, no near/far
 *       path): exponent difference with absolute value, exponent select, operand swap, signed
 *       right shift with sticky OR, conditional negation and an N-bit adder, N = max(significand
 *       + 4, product width); then leading-zero detection, normalising shift, RNE increment,
 *       exponent update and the register.</li>
 *   <li>Blocks with a shared scale, per MAC = lane + shared / k. MX (k = 32, E8M0) and integer
 *       products with group scales: the lane adds its exact product into the block's
 *       (P + log2 k)-bit fixed-point sum; per block, the scale is combined (E8M0: a 9-bit
 *       exponent add; a stored float scale: the block sum times the scale significand) and the
 *       result is accumulated once in floating point (the "INT v.s. FP" paper's amortisation,
 *       arXiv 2510.25602 App. C). Float products with group-scaled integer weights (W4A16): each
 *       product is accumulated in floating point per MAC into the group sum; per group the sum is
 *       multiplied by the scale and accumulated again.</li>
 * </ul>
 *
 * Per-tensor and per-token scales are applied once per output of K MACs and are not counted.
 * Calibration against the digitised Fig. 3 is in {@link MacAreaTable}; the only assumed pieces
 * outside Appendix B are the leading-zero detector, the rectangular multiplier's HA row and
 * the NF4 table.
 */
public final class GateCountMacModel implements MacCostModel {
    /** Kulisch headroom bits that the whitepaper uses. */
    public static final int KULISCH_EXTRA_BITS = 12;
    private static final int E8M0_SUM_BITS = 9;

    @Override
    public GateCount gates(MacDatapath datapath, Accumulator accumulator) {
        Operand w = Operand.of(datapath.weight());
        Operand a = Operand.of(datapath.activation());
        Product p = Product.of(w, a);
        double multiply = p.gates + w.decodeGates() + a.decodeGates();
        int block = blockSize(datapath, w, a);
        if (block == 0) {
            return unblocked(multiply, p, accumulator);
        }
        if (!(accumulator instanceof Accumulator.FloatingPoint fp)) {
            throw new IllegalArgumentException("MAC datapath " + datapath.name()
                    + " applies a block scale and accumulates across blocks in floating point; got " + accumulator.label());
        }
        FloatFormat acc = fp.format();
        boolean mx = w.scale() instanceof Operand.E8m0 || a.scale() instanceof Operand.E8m0;
        if (p.isFloat && !mx) {
            return perMacFloatGroup(multiply, p, acc, block, scaleOf(datapath, w, a));
        }
        int sum = p.span + Gates.stages(block - 1);
        double align = Gates.add(sum) + (p.isFloat ? floatProductAlign(p) : 0);
        double shared;
        double norm;
        if (mx) {
            shared = Gates.add(E8M0_SUM_BITS) + floatAlignAdd(acc, sum, E8M0_SUM_BITS);
            norm = floatNormAcc(acc, sum);
        } else {
            FloatFormat s = scaleOf(datapath, w, a);
            int scaled = sum + s.mantissaBits() + 1;
            shared = Gates.multiply(sum, s.mantissaBits() + 1) + floatAlignAdd(acc, scaled, s.exponentBits());
            norm = floatNormAcc(acc, scaled);
        }
        return new GateCount(multiply, align + shared / block, norm / block);
    }

    private static GateCount unblocked(double multiply, Product p, Accumulator accumulator) {
        if (accumulator instanceof Accumulator.FixedPoint fx) {
            double align = Gates.add(p.span) + (p.isFloat ? floatProductAlign(p) : 0);
            double norm = Gates.flipFlops(p.span + fx.extraBits()) + Gates.increment(fx.extraBits() - 1);
            return new GateCount(multiply, align, norm);
        }
        FloatFormat acc = ((Accumulator.FloatingPoint) accumulator).format();
        int width = p.isFloat ? p.significandBits : p.span;
        return new GateCount(multiply, floatAlignAdd(acc, width, p.isFloat ? p.exponentBits : 0), floatNormAcc(acc, width));
    }

    /** W4A16: per-MAC float accumulation of the group sum; per group a scale multiply and a second accumulation. */
    private static GateCount perMacFloatGroup(double multiply, Product p, FloatFormat acc, int block, FloatFormat s) {
        int accSig = acc.mantissaBits() + 1;
        int scaled = accSig + s.mantissaBits() + 1;
        double shared = Gates.multiply(accSig, s.mantissaBits() + 1) + Gates.add(Math.max(acc.exponentBits(), s.exponentBits()) + 1)
                + floatAlignAdd(acc, scaled, acc.exponentBits() + 1) + floatNormAcc(acc, scaled);
        return new GateCount(multiply, floatAlignAdd(acc, p.significandBits, p.exponentBits) + shared / block,
                floatNormAcc(acc, p.significandBits));
    }

    private static int blockSize(MacDatapath d, Operand w, Operand a) {
        if (w.blockSize() != 0 && a.blockSize() != 0 && w.blockSize() != a.blockSize()) {
            throw new IllegalArgumentException("MAC datapath " + d.name() + ": weight and activation blocks differ ("
                    + w.blockSize() + " vs " + a.blockSize() + ")");
        }
        return Math.max(w.blockSize(), a.blockSize());
    }

    private static FloatFormat scaleOf(MacDatapath d, Operand w, Operand a) {
        if (w.scale() instanceof Operand.FloatScale s && !(a.scale() instanceof Operand.FloatScale)) {
            return s.format();
        }
        if (a.scale() instanceof Operand.FloatScale s && !(w.scale() instanceof Operand.FloatScale)) {
            return s.format();
        }
        throw new IllegalArgumentException("MAC datapath " + d.name()
                + ": the cost model prices a stored group scale on one operand only (weights), not on both");
    }

    /** Pipe stage (significand, exponent, sign) and widening left shift of a float product into a fixed-point sum. */
    private static double floatProductAlign(Product p) {
        return Gates.widenLeftShift(p.significandBits, p.span - p.significandBits - 1)
                + Gates.flipFlops(p.significandBits + p.exponentBits + 1);
    }

    private static int internalWidth(FloatFormat acc, int productWidth) {
        return Math.max(acc.mantissaBits() + 1 + 4, productWidth);
    }

    private static double floatAlignAdd(FloatFormat acc, int productWidth, int productExponentBits) {
        int ea = acc.exponentBits();
        int n = internalWidth(acc, productWidth);
        int we = Math.max(ea, productExponentBits) + 1;
        return Gates.add(we) + we * XOR2 + Gates.increment(we)   // exponent difference, |d|
                + ea * MUX2                                       // larger exponent select
                + 2 * n * MUX2                                    // operand swap
                + Gates.signedRightShift(n, n) + (n - 1) * OR2    // align, sticky
                + 2 * n * XOR2 + Gates.add(n);                    // conditional negation, add
    }

    private static double floatNormAcc(FloatFormat acc, int productWidth) {
        int n = internalWidth(acc, productWidth);
        return Gates.leadingZeroDetect(n) + Gates.leftShift(n, n - 1)
                + Gates.increment(acc.mantissaBits() + 1) + Gates.add(acc.exponentBits())
                + Gates.flipFlops(acc.bits());
    }

    /**
     * The lane product: multiplier gates, whether it is a float, its significand and exponent
     * widths, and the span P of bits that holds every product exactly.
     */
    private record Product(double gates, boolean isFloat, int significandBits, int exponentBits, int span) {

        static Product of(Operand w, Operand a) {
            int span = w.magnitudeBits() + a.magnitudeBits() + 1;
            if (!w.isFloat() && !a.isFloat()) {
                return new Product(Gates.multiply(w.bits(), a.bits()), false, span, 0, span);
            }
            if (w.isFloat() && a.isFloat()) {
                int e = Math.max(w.exponentBits(), a.exponentBits());
                int wp = w.mantissaBits() + a.mantissaBits() + 2;
                double g = Gates.multiply(w.mantissaBits() + 1, a.mantissaBits() + 1) + Gates.add(e) + XOR2
                        + (w.exponentBits() - 1 + a.exponentBits() - 1) * OR2 + wp * XOR2 + Gates.increment(wp);
                return new Product(g, true, wp, e + 1, span);
            }
            Operand f = w.isFloat() ? w : a;
            Operand i = w.isFloat() ? a : w;
            int wp = f.mantissaBits() + 1 + i.bits();
            double g = Gates.multiply(f.mantissaBits() + 1, i.bits()) + (f.exponentBits() - 1) * OR2
                    + wp * XOR2 + Gates.increment(wp);
            return new Product(g, true, wp, f.exponentBits(), span);
        }
    }
}
