package org.pocketsim.kernel.quant;

/**
 * Which elements of a row-major {@code rows x cols} matrix share one quantization range:
 * the whole tensor, one output channel (a row), or a group of {@code groupSize} consecutive
 * elements within a row (the last group of a row may be shorter).
 *
 * @param kind      the sharing scheme
 * @param groupSize elements per group for {@link Kind#PER_GROUP}, 0 otherwise
 */
public record Granularity(Kind kind, int groupSize) {

    /** Sharing schemes. */
    public enum Kind { PER_TENSOR, PER_CHANNEL, PER_GROUP }

    public Granularity {
        if (kind == null) {
            throw new IllegalArgumentException("granularity: kind is required");
        }
        if (kind == Kind.PER_GROUP && groupSize < 1) {
            throw new IllegalArgumentException("granularity: groupSize must be >= 1 for per-group, got " + groupSize);
        }
        if (kind != Kind.PER_GROUP && groupSize != 0) {
            throw new IllegalArgumentException("granularity: groupSize applies to per-group only, got " + groupSize);
        }
    }

    public static Granularity perTensor() {
        return new Granularity(Kind.PER_TENSOR, 0);
    }

    public static Granularity perChannel() {
        return new Granularity(Kind.PER_CHANNEL, 0);
    }

    public static Granularity perGroup(int groupSize) {
        return new Granularity(Kind.PER_GROUP, groupSize);
    }

    /** Length of the segments of one row that share a range ({@code rows * cols} for per-tensor). */
    int segmentLength(int rows, int cols) {
        return switch (kind) {
            case PER_TENSOR -> rows * cols;
            case PER_CHANNEL -> cols;
            case PER_GROUP -> Math.min(groupSize, cols);
        };
    }
}
