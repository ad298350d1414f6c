package org.pocketsim.workload.kernel;

/**
 * One executed node of a real engine's compute graph, as a {@link KernelTrace} row.
 *
 * @param graph      graph index: one graph per evaluated batch (the prompt, then one per decode step)
 * @param node       node index within its graph
 * @param tokens     tokens the graph evaluates (1 in decode, the prompt length in prefill)
 * @param op         the engine's op name, e.g. {@code MUL_MAT}, {@code RMS_NORM} (see {@link KernelOps})
 * @param ne0        output extent 0 (fastest), e.g. the rows of a weight matrix for MUL_MAT
 * @param ne1        output extent 1 (tokens for most nodes)
 * @param ne2        output extent 2 (heads for attention nodes, else 1)
 * @param k          inner (reduction) length of a MUL_MAT, 0 for other ops
 * @param weightType storage type of a MUL_MAT's first operand (a weight or the KV cache), as the
 *                   format registry names it ({@code q4_0}, {@code q6_k}, {@code fp16}); "" for other ops
 * @param actType    type the activations are multiplied in ({@code q8_0}, {@code q8_k}, {@code fp16}) or
 *                   stored in ({@code fp32}) by the node
 * @param threads    threads the engine ran the graph with
 * @param measuredMs measured wall time of the node in ms, NaN when unknown
 */
public record KernelNode(int graph, int node, int tokens, String op, long ne0, long ne1, long ne2, long k,
                         String weightType, String actType, int threads, double measuredMs) {

    public KernelNode {
        if (graph < 0 || node < 0 || tokens < 1 || threads < 1) {
            throw new IllegalArgumentException("kernel node: graph, node >= 0, tokens, threads >= 1 (got " + graph + ", "
                    + node + ", " + tokens + ", " + threads + ")");
        }
        if (ne0 < 1 || ne1 < 1 || ne2 < 1 || k < 0) {
            throw new IllegalArgumentException("kernel node " + graph + "/" + node + ": extents must be >= 1, got ["
                    + ne0 + ", " + ne1 + ", " + ne2 + "], k " + k);
        }
        if (!KernelOps.isKnown(op)) {
            throw new IllegalArgumentException("kernel node " + graph + "/" + node + ": " + KernelOps.unknown(op));
        }
        if (weightType == null) weightType = "";
        if (actType == null || actType.isEmpty()) actType = "fp32";
    }

    /** Whether the node multiplies a matrix (a weight or the KV cache). */
    public boolean isMatMul() {
        return op.equals("MUL_MAT");
    }

    /** Output elements. */
    public long outputElements() {
        return ne0 * ne1 * ne2;
    }
}
