package org.pocketsim.workload.kernel;

import java.util.List;
import java.util.Set;

/**
 * The ggml op names a kernel trace may hold (ggml's {@code GGML_OP_*} names without the prefix),
 * grouped by the work they do. An op outside these lists is an error wherever it is read: the
 * replay would not know what work it stands for, and skipping it would hide time.
 */
public final class KernelOps {

    /** Matrix products: weights or the KV cache times activations. */
    public static final Set<String> MATMUL = Set.of("MUL_MAT");
    /** Element-wise and row-wise arithmetic: read, compute and write every output element. */
    public static final Set<String> ELEMENTWISE = Set.of("ADD", "MUL", "SUB", "DIV", "SCALE", "UNARY", "SILU", "GELU",
            "RMS_NORM", "NORM", "SOFT_MAX", "ROPE", "DIAG_MASK_INF", "CPY", "CONT", "DUP", "GET_ROWS");
    /** Views: change a tensor's shape or strides, move no data. */
    public static final Set<String> VIEWS = Set.of("RESHAPE", "VIEW", "PERMUTE", "TRANSPOSE", "NONE");

    private KernelOps() {
    }

    public static boolean isKnown(String op) {
        return MATMUL.contains(op) || ELEMENTWISE.contains(op) || VIEWS.contains(op);
    }

    /** The message for an op outside the lists. */
    public static String unknown(String op) {
        return "unknown op '" + op + "' (known: " + String.join(", ", all()) + ")";
    }

    /** Every known op, sorted. */
    public static List<String> all() {
        return java.util.stream.Stream.of(MATMUL, ELEMENTWISE, VIEWS).flatMap(Set::stream).sorted().toList();
    }
}
