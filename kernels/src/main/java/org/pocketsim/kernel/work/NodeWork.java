package org.pocketsim.kernel.work;

import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.workload.kernel.KernelNode;
import org.pocketsim.workload.kernel.KernelOps;

import java.util.Map;

/**
 * The work one executed kernel node stands for, whatever runs it: bytes of weights (or KV cache)
 * and of activations, multiply-accumulates, element operations, and how many independent rows the
 * engine can split across threads.
 *
 * <ul>
 *   <li>MUL_MAT of a weight ({@code ne2 = 1}): {@code ne0 x k} weights stored in the node's weight
 *       type (bytes from the format registry: exact block bytes for llama.cpp types), {@code
 *       ne0 x ne1 x k} MACs; {@link Kind#GEMV} for one token, {@link Kind#GEMM} for several.
 *       Activations: the fp32 input ({@code k x ne1}) read and the fp32 output written.</li>
 *   <li>MUL_MAT of the KV cache ({@code ne2} heads): {@code ne0 x k x ne2} cache elements, as
 *       many MACs per token; {@code ne0 x ne1 x ne2} dot products (rows), {@link Kind#ATTENTION}.</li>
 *   <li>element-wise ops: output elements times the op's operations per element, fp32 inputs
 *       read and output written; rows = {@code ne1 x ne2}, the unit ggml splits across threads.</li>
 *   <li>views: no work.</li>
 * </ul>
 *
 * @param kind            what the node does
 * @param weightFormat    storage format of the matrix operand ("" when none)
 * @param weightBytes     bytes of weights or KV cache read
 * @param activationBytes bytes of activations read and written
 * @param macs            multiply-accumulates
 * @param elementOps      element-wise operations (element-wise ops only)
 * @param rows            independent output rows (dot products for MUL_MAT)
 */
public record NodeWork(Kind kind, String weightFormat, long weightBytes, long activationBytes, long macs,
                       long elementOps, long rows) {

    /** What a node does, as a cost model distinguishes it. */
    public enum Kind { GEMV, GEMM, ATTENTION, ELEMENTWISE, VIEW }

    /**
     * Operations per output element of each element-wise op (assumed from the scalar reference
     * loops of ggml: one for arithmetic and copies, a sum of squares plus a scale for RMS_NORM,
     * max, exp, sum and divide for SOFT_MAX, sin/cos rotation for ROPE, exp and divide for SiLU).
     */
    static final Map<String, Integer> OPS_PER_ELEMENT = Map.ofEntries(
            Map.entry("ADD", 1), Map.entry("MUL", 1), Map.entry("SUB", 1), Map.entry("DIV", 1), Map.entry("SCALE", 1),
            Map.entry("CPY", 1), Map.entry("CONT", 1), Map.entry("DUP", 1), Map.entry("GET_ROWS", 1),
            Map.entry("DIAG_MASK_INF", 1), Map.entry("RMS_NORM", 3), Map.entry("NORM", 4), Map.entry("SOFT_MAX", 4),
            Map.entry("ROPE", 4), Map.entry("UNARY", 4), Map.entry("SILU", 4), Map.entry("GELU", 4));

    /** Inputs read per output element: two for binary ops, one otherwise. */
    private static int inputs(String op) {
        return switch (op) {
            case "ADD", "MUL", "SUB", "DIV" -> 2;
            default -> 1;
        };
    }

    /** The work of {@code node} with its own weight type. */
    public static NodeWork of(KernelNode node) {
        return of(node, null);
    }

    /**
     * The work of {@code node}; a weight MUL_MAT's weights are taken as stored in {@code weights}
     * instead when it is not null (a what-if of another weight format; KV-cache products keep theirs).
     */
    public static NodeWork of(KernelNode node, String weights) {
        String op = node.op();
        if (KernelOps.VIEWS.contains(op)) return new NodeWork(Kind.VIEW, "", 0, 0, 0, 0, 1);
        if (KernelOps.ELEMENTWISE.contains(op)) {
            long n = node.outputElements();
            return new NodeWork(Kind.ELEMENTWISE, "", 0, 4L * n * (inputs(op) + 1), 0,
                    n * OPS_PER_ELEMENT.get(op), node.ne1() * node.ne2());
        }
        boolean attention = node.ne2() > 1;
        String format = attention || weights == null ? node.weightType() : weights;
        long matrix = node.ne0() * node.k() * node.ne2();
        long bytes = bytes(format, node.ne0() * node.ne2(), node.k());
        long macs = matrix * node.ne1();
        long act = 4L * (node.k() * node.ne1() * node.ne2() + node.outputElements());
        Kind kind = attention ? Kind.ATTENTION : node.ne1() == 1 ? Kind.GEMV : Kind.GEMM;
        return new NodeWork(kind, format, bytes, act, macs, 0, node.outputElements());
    }

    /** Bytes of {@code rows} rows of {@code k} elements stored in {@code format}. */
    static long bytes(String format, long rows, long k) {
        return FormatRegistry.get(format).matrixBytes(rows, k);
    }
}
