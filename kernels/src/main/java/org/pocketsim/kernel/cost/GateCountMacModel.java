package org.pocketsim.kernel.cost;

import static org.pocketsim.kernel.cost.Gates.FF;
import static org.pocketsim.kernel.cost.Gates.OR2;
import static org.pocketsim.kernel.cost.Gates.XOR2;
import static org.pocketsim.kernel.cost.Gates.MUX2;

import org.pocketsim.kernel.format.FloatFormat;
import org.pocketsim.kernel.format.IntFormat;
import org.pocketsim.kernel.format.MxFormat;
import org.pocketsim.kernel.format.NumberFormat;

/**
 * Gate-count model of one multiply-add unit after the FP8-vs-INT8 whitepaper (Sec. 3.3,
 * Fig. 2, Appendix B), built only from {@link Gates} primitives. Datapaths:
 *
 * <ul>
 *   <li>Multiplier. INT b: signed b x b array. ExMy: (m+1) x (m+1) significand array, e-bit
 *       exponent adder, sign XOR, hidden-bit ORs, and conversion of the 2(m+1)-bit
 *       sign-magnitude product to two's complement (XOR + increment).</li>
 *   <li>Fixed-point (Kulisch) accumulation, Fig. 2(a). The product spans P bits: 2b - 1 for
 *       INT b (15 for INT8), {@code 2 (emax - emin) + 2m + 3} for ExMy (37 for E4M3); the
 *       accumulator has P + 12 bits. Integer products go straight into a P-bit adder; float
 *       products pass a pipe stage (product, exponent sum, sign) and a widening left shift by the
 *       exponent sum. The top 12 bits only carry: an 11-bit incrementer. Register: P + 12 FFs.</li>
 *   <li>Floating-point accumulation, Fig. 2(b), smallest-gate choices (no LZA, no near/far
 *       path): exponent difference with absolute value, exponent select, operand swap, signed
 *       right shift of the smaller operand with sticky OR, conditional negation and an N-bit
 *       adder, with N = max(significand + 4, product width) (sign, guard, round, sticky); then
 *       leading-zero detection, left normalisation, round-to-nearest-even increment, exponent
 *       update and the accumulator register.</li>
 *   <li>MX blocks (OCP MX, k = 32): per lane the element multiplier, the float alignment into
 *       the block's fixed-point sum and one adder of the block's adder tree; per block, shared
 *       and divided by k, the 9-bit add of the two E8M0 scale exponents and one floating-point
 *       accumulation of the (P + 5)-bit block sum (the "INT v.s. FP" paper's amortisation).</li>
 * </ul>
 *
 * Calibration: the digitised Fig. 3 (15 cells) is reproduced within 4.1% per cell and the
 * anchors FP8-E4 -> FP16 = 1.50x and -> FP32 = 2.84x INT8 -> FX+12 (published 1.53x, 2.83x);
 * the only assumed piece outside Appendix B is the leading-zero detector.
 */
public final class GateCountMacModel implements MacCostModel {
    /** Kulisch headroom bits that the whitepaper uses. */
    public static final int KULISCH_EXTRA_BITS = 12;
    private static final int MX_BLOCK = 32;
    private static final int MX_TREE_BITS = 5;
    private static final int E8M0_SUM_BITS = 9;

    @Override
    public GateCount gates(NumberFormat input, Accumulator accumulator) {
        if (input instanceof MxFormat mx) {
            return mxBlock(mx, accumulator);
        }
        Operand op = Operand.of(input);
        double multiply = multiplier(op);
        if (accumulator instanceof Accumulator.FixedPoint fx) {
            int width = op.productBits + fx.extraBits();
            double align = Gates.add(op.productBits);
            if (op.isFloat) {
                align += Gates.widenLeftShift(op.significandProductBits, op.productBits - op.significandProductBits - 1)
                        + Gates.flipFlops(op.significandProductBits + op.exponentBits + 2);
            }
            double norm = Gates.flipFlops(width) + Gates.increment(fx.extraBits() - 1);
            return new GateCount(multiply, align, norm);
        }
        FloatFormat acc = ((Accumulator.FloatingPoint) accumulator).format();
        int productExponentBits = op.isFloat ? op.exponentBits + 1 : 0;
        int productWidth = op.isFloat ? op.significandProductBits : op.productBits;
        return new GateCount(multiply, floatAlignAdd(acc, productWidth, productExponentBits),
                floatNormAcc(acc, productWidth));
    }

    private static double multiplier(Operand op) {
        if (!op.isFloat) {
            return Gates.multiply(op.bits);
        }
        int e = op.exponentBits;
        int wp = op.significandProductBits;
        return Gates.multiply(op.mantissaBits + 1) + Gates.add(e) + XOR2 + 2 * (e - 1) * OR2
                + wp * XOR2 + Gates.increment(wp);
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
        int significand = acc.mantissaBits() + 1;
        return Gates.leadingZeroDetect(n) + Gates.leftShift(n, n - 1)
                + Gates.increment(significand) + Gates.add(acc.exponentBits())
                + Gates.flipFlops(acc.bits());
    }

    private GateCount mxBlock(MxFormat mx, Accumulator accumulator) {
        if (!(accumulator instanceof Accumulator.FloatingPoint fp)) {
            throw new IllegalArgumentException("MX format " + mx.name()
                    + " accumulates across blocks in floating point; got " + accumulator.label());
        }
        Operand op = mx.element() == null ? Operand.of(new IntFormat("mxint8-element", 8, true)) : Operand.of(mx.element());
        double lane = multiplier(op);
        double align = Gates.add(op.productBits + MX_TREE_BITS);
        if (op.isFloat) {
            align += Gates.widenLeftShift(op.significandProductBits, op.productBits - op.significandProductBits - 1)
                    + Gates.flipFlops(op.significandProductBits + op.exponentBits + 2);
        }
        int blockSumBits = op.productBits + MX_TREE_BITS;
        double shared = Gates.add(E8M0_SUM_BITS) + floatAlignAdd(fp.format(), blockSumBits, E8M0_SUM_BITS);
        return new GateCount(lane, align + shared / MX_BLOCK, floatNormAcc(fp.format(), blockSumBits) / MX_BLOCK);
    }

    /** Widths of one input operand. */
    private record Operand(boolean isFloat, int bits, int exponentBits, int mantissaBits,
                           int significandProductBits, int productBits) {

        static Operand of(NumberFormat f) {
            if (f instanceof IntFormat i) {
                return new Operand(false, i.bits(), 0, i.bits() - 1, 2 * i.bits() - 1, 2 * i.bits() - 1);
            }
            if (f instanceof FloatFormat x) {
                int m = x.mantissaBits();
                int product = 2 * (x.maxExponent() - x.minExponent()) + 2 * m + 3;
                return new Operand(true, x.bits(), x.exponentBits(), m, 2 * (m + 1), product);
            }
            throw new IllegalArgumentException("MAC cost model covers integer, ExMy and MX inputs; got " + f.name());
        }
    }
}
