package org.pocketsim.kernel.routing;

import org.pocketsim.kernel.cache.CacheView;

/**
 * Seam: picks the experts of one MoE layer for one token and their mixing weights, from the
 * router logits and a read-only view of the layer's DRAM expert cache.
 *
 * <p>Contract: one instance per MoE layer (routers such as Cache-Prior keep per-layer running
 * state). {@code logits} holds the layer's router logits (length = experts), or is {@code null}
 * when the trace carries only the model's chosen expert ids ({@code modelExperts}, length k).
 * Routers that need logits ({@link #needsLogits()}) throw {@link IllegalStateException} on a
 * {@code null} {@code logits}. Results go to the caller-owned {@link RoutingDecision}; no
 * allocation per call; not thread-safe.
 */
public interface Router {

    /** Routes one token: fills {@code out} with experts, weights and quality proxies. */
    void route(float[] logits, int[] modelExperts, CacheView cache, RoutingDecision out);

    /** Whether this router needs router logits (and so fails on expert-id-only traces). */
    boolean needsLogits();

    /** Experts selected per token. */
    int k();

    /** Short name for reports. */
    String name();
}
