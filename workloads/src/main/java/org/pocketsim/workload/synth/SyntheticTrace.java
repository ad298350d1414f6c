package org.pocketsim.workload.synth;

import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceInfo;
import org.pocketsim.workload.trace.TraceSource;

/**
 * A calibrated synthetic trace generated on demand: nothing is materialised, each per-layer
 * tensor keeps only its current row and generator state, and reading token t of a tensor
 * advances that tensor's generator to t. Each tensor has its own random stream derived from
 * (seed, layer, tensor), so values depend on the seed alone, never on read order. Reads allocate
 * nothing. Built by {@link SyntheticTraces}.
 */
public final class SyntheticTrace implements TraceSource {

    private final TraceInfo info;
    private final ActivationGenerator[] mlpIn;
    private final ActivationGenerator[] downIn;
    private final RoutingGenerator[] routing;
    private boolean closed;

    SyntheticTrace(TraceInfo info, ActivationGenerator[] mlpIn, ActivationGenerator[] downIn, RoutingGenerator[] routing) {
        this.info = info;
        this.mlpIn = mlpIn;
        this.downIn = downIn;
        this.routing = routing;
    }

    @Override
    public TraceInfo info() {
        return info;
    }

    @Override
    public boolean has(TensorKind kind, int layer) {
        if (layer < 0 || layer >= mlpIn.length) return false;
        return switch (kind) {
            case MLP_IN -> mlpIn[layer] != null;
            case DOWN_IN -> downIn[layer] != null;
            case ROUTER_LOGITS, EXPERTS -> routing[layer] != null;
        };
    }

    @Override
    public void readRow(TensorKind kind, int layer, int token, float[] dst) {
        check(kind, layer, token);
        switch (kind) {
            case MLP_IN, DOWN_IN -> {
                ActivationGenerator g = kind == TensorKind.MLP_IN ? mlpIn[layer] : downIn[layer];
                checkWidth(kind, layer, dst.length, g.width());
                if (g.token() > token) throw order(kind, layer, g.token(), token);
                while (g.token() < token) g.step();
                g.copyRow(dst);
            }
            case ROUTER_LOGITS -> {
                RoutingGenerator r = advance(kind, layer, token);
                checkWidth(kind, layer, dst.length, r.experts());
                r.copyLogits(dst);
            }
            case EXPERTS -> throw new IllegalArgumentException("experts are int32: use readExperts");
        }
    }

    @Override
    public void readExperts(int layer, int token, int[] dst) {
        check(TensorKind.EXPERTS, layer, token);
        RoutingGenerator r = advance(TensorKind.EXPERTS, layer, token);
        checkWidth(TensorKind.EXPERTS, layer, dst.length, r.topK());
        r.copyExperts(dst);
    }

    /** Synthetic traces carry no token ids. */
    @Override
    public int tokenId(int token) {
        if (closed) throw new IllegalStateException("trace is closed");
        return -1;
    }

    @Override
    public void close() {
        closed = true;
    }

    private RoutingGenerator advance(TensorKind kind, int layer, int token) {
        RoutingGenerator r = routing[layer];
        if (r.token() > token) throw order(kind, layer, r.token(), token);
        while (r.token() < token) r.step();
        return r;
    }

    private void check(TensorKind kind, int layer, int token) {
        if (closed) throw new IllegalStateException("trace is closed");
        if (!has(kind, layer)) throw new IllegalArgumentException("synthetic trace has no " + kind.tensorName(layer));
        if (token < 0 || token >= info.tokens()) {
            throw new IndexOutOfBoundsException("token " + token + " outside 0.." + (info.tokens() - 1));
        }
    }

    private static void checkWidth(TensorKind kind, int layer, int got, int want) {
        if (got != want) throw new IllegalArgumentException(kind.tensorName(layer) + " rows have " + want + " values, dst has " + got);
    }

    private static IllegalStateException order(TensorKind kind, int layer, int at, int asked) {
        return new IllegalStateException("tokens must be read in non-decreasing order: " + kind.tensorName(layer)
                + " is at token " + at + ", asked for " + asked);
    }
}
