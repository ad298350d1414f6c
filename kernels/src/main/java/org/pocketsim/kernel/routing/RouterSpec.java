package org.pocketsim.kernel.routing;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.pocketsim.hw.config.FieldException;

/**
 * A router as an experiment names it: {@code router: {kind: cache-prior, lambda: 0.2, keepTopJ: 1}},
 * or {@code router: top-k} for a kind without parameters. Each kind is one record beside its
 * router plus one line in {@link JsonSubTypes}; the record checks its own parameters.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TopKSpec.class, name = "top-k"),
        @JsonSubTypes.Type(value = CachePriorSpec.class, name = "cache-prior"),
        @JsonSubTypes.Type(value = MaxRankSpec.class, name = "max-rank"),
        @JsonSubTypes.Type(value = CumulativeWindowSpec.class, name = "cumulative-window")})
public sealed interface RouterSpec permits TopKSpec, CachePriorSpec, MaxRankSpec, CumulativeWindowSpec {

    /** A fresh router for one MoE layer of {@code experts} experts choosing {@code k}. */
    Router create(int experts, int k);

    /** Whether the router depends on the cache (then a Belady cache cannot know its future). */
    boolean cacheConditional();

    /** Mixing weights renormalised over the chosen experts (default false). */
    static boolean renormalise(Boolean renormalise) {
        return Boolean.TRUE.equals(renormalise);
    }

    /** keepTopJ defaults to 1 and must leave room below k. */
    static int keepTopJ(Integer keepTopJ) {
        int j = keepTopJ == null ? 1 : keepTopJ;
        if (j < 0) throw new FieldException("keepTopJ", "must be >= 0, got " + j);
        return j;
    }

    /** A share in [0, 1]. */
    static double share(String field, Double value) {
        if (value == null) throw new FieldException(field, "is required");
        if (!(value >= 0 && value <= 1)) throw new FieldException(field, "must be a share in [0, 1], got " + value);
        return value;
    }
}
