package org.pocketsim.engine.decode;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.unit.DataSize;

/**
 * How the MLP (or the experts) of each layer is read per token. One record per method, one
 * registration line in {@link JsonSubTypes}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MlpMethod.Dense.class, name = "dense"),
        @JsonSubTypes.Type(value = MlpMethod.SparseStream.class, name = "sparse-stream"),
        @JsonSubTypes.Type(value = MlpMethod.Dip.class, name = "dip"),
        @JsonSubTypes.Type(value = MlpMethod.ExpertCache.class, name = "expert-cache")})
public sealed interface MlpMethod {

    /** Every MLP weight (or every weight of the chosen experts) is read each token. */
    record Dense() implements MlpMethod {
    }

    /**
     * LLM-in-a-flash style sparse FFN (papers.md §3): a predictor picks the active neurons;
     * a share of the FFN stays in DRAM (the sliding window of recent neurons) and each token
     * loads {@code loadShare} of the FFN from flash in random reads of {@code chunk} (one
     * neuron's up row and down column, or two when bundled) and multiplies {@code activeShare}.
     *
     * @param loadShare     share of FFN weights loaded from flash per token
     * @param activeShare   share of FFN weights multiplied per token (read from DRAM)
     * @param residentShare share of FFN weights held in DRAM
     * @param chunk         size of each random flash read
     */
    record SparseStream(double loadShare, @ConfigOptional Double activeShare, double residentShare, DataSize chunk)
            implements MlpMethod {
        public SparseStream {
            requireShare("loadShare", loadShare);
            requireShare("residentShare", residentShare);
            if (activeShare == null) activeShare = loadShare;
            requireShare("activeShare", activeShare);
            if (chunk.bytes() < 1) throw new IllegalArgumentException("chunk must be at least 1 B");
        }
    }

    /**
     * Dynamic Input Pruning (papers.md §1.3-1.5) on a trace: each token's up/gate columns are the
     * top-k of |MLP input| and its down columns the top-k of |down input|; each masked linear
     * has a DRAM column cache (the DRAM left after static layers and KV, split evenly over the
     * masked linears); cached columns are read from DRAM, the rest from flash.
     *
     * @param keep          overall MLP density, split by the optimised-DIP rule (or give upKeep and downKeep)
     * @param upKeep        share of up/gate columns kept
     * @param downKeep      share of down columns kept
     * @param gluPruning    baseline: up and gate dense and resident, only down masked
     * @param cache         eviction policy of the column caches: none, lru, lfu, fifo, belady (default lru)
     * @param gamma         cache-aware masking: scores of uncached columns times gamma (absent: plain DIP)
     * @param fixedTopShare share of k taken by raw score before reweighting (default 0.5)
     * @param warmUp        ramp gamma over the first tokens (default true)
     * @param trace         the trace whose activations drive the masks
     */
    record Dip(@ConfigOptional Double keep, @ConfigOptional Double upKeep, @ConfigOptional Double downKeep,
               @ConfigOptional Boolean gluPruning, @ConfigOptional String cache, @ConfigOptional Double gamma,
               @ConfigOptional Double fixedTopShare, @ConfigOptional Boolean warmUp, TraceSpec trace) implements MlpMethod {
        public Dip {
            if (gluPruning == null) gluPruning = Boolean.FALSE;
            if (keep == null && (upKeep == null || downKeep == null) && !(gluPruning && downKeep != null)) {
                throw new org.pocketsim.hw.config.FieldException("keep", "give keep, or upKeep and downKeep (gluPruning needs only downKeep)");
            }
            if (keep != null && (upKeep != null || downKeep != null)) {
                throw new org.pocketsim.hw.config.FieldException("keep", "give either keep or upKeep/downKeep, not both");
            }
            if (cache == null) cache = "lru";
            if (fixedTopShare == null) fixedTopShare = 0.5;
            if (warmUp == null) warmUp = Boolean.TRUE;
            if (gamma != null) requireShare("gamma", gamma);
            requireShare("fixedTopShare", fixedTopShare);
            if (trace == null) throw new org.pocketsim.hw.config.FieldException("trace", "is required: a trace directory or a synthetic generator");
            if ("belady".equals(cache) && gamma != null) {
                throw new org.pocketsim.hw.config.FieldException("cache", "belady needs the future masks in advance, which cache-aware masking (gamma) makes depend on the cache itself");
            }
        }

        /** The column densities this method keeps. */
        public org.pocketsim.kernel.sparsity.DipDensity density() {
            if (gluPruning) return org.pocketsim.kernel.sparsity.DipDensity.gluPruning(keep != null ? keep : downKeep);
            return keep != null ? org.pocketsim.kernel.sparsity.DipDensity.optimised(keep)
                    : new org.pocketsim.kernel.sparsity.DipDensity(upKeep, downKeep);
        }
    }

    /**
     * MoE with an expert cache (papers.md §2.2): the routed experts live on flash and a DRAM
     * cache per MoE layer holds some of them; each token's router picks experts (plain top-k,
     * or cache-conditional: Cache-Prior, Max-Rank, cumulative window), cached ones are read from
     * DRAM and the rest from flash, then enter the cache.
     *
     * @param router        top-k (default), cache-prior, max-rank or cumulative-window
     * @param lambda        cache-prior: strength of the cache prior in [0, 1]
     * @param keepTopJ      cache-prior, max-rank, cumulative-window: original top experts always kept (default 1)
     * @param maxRank       max-rank: cached experts may replace others up to this rank
     * @param threshold     cumulative-window: cumulative probability of the window
     * @param renormalise   whether mixing weights are renormalised over the chosen experts (default false)
     * @param cache         eviction policy: lru (default), lfu, fifo, none, belady (top-k only)
     * @param cachedExperts experts cached per MoE layer (default: what the DRAM left after static layers and KV holds)
     * @param trace         the trace whose router logits or expert ids drive the routing
     */
    record ExpertCache(@ConfigOptional String router, @ConfigOptional Double lambda, @ConfigOptional Integer keepTopJ,
                       @ConfigOptional Integer maxRank, @ConfigOptional Double threshold, @ConfigOptional Boolean renormalise,
                       @ConfigOptional String cache, @ConfigOptional Integer cachedExperts, TraceSpec trace)
            implements MlpMethod {
        public ExpertCache {
            if (router == null) router = "top-k";
            if (!java.util.List.of("top-k", "cache-prior", "max-rank", "cumulative-window").contains(router)) {
                throw new org.pocketsim.hw.config.FieldException("router", "unknown router '" + router
                        + "' (routers: top-k, cache-prior, max-rank, cumulative-window)");
            }
            if (keepTopJ == null) keepTopJ = 1;
            if (renormalise == null) renormalise = Boolean.FALSE;
            if (cache == null) cache = "lru";
            if (router.equals("cache-prior") && lambda == null) throw new org.pocketsim.hw.config.FieldException("lambda", "cache-prior needs lambda");
            if (lambda != null) requireShare("lambda", lambda);
            if (router.equals("max-rank") && maxRank == null) throw new org.pocketsim.hw.config.FieldException("maxRank", "max-rank needs maxRank");
            if (router.equals("cumulative-window") && threshold == null) {
                throw new org.pocketsim.hw.config.FieldException("threshold", "cumulative-window needs threshold");
            }
            if (cachedExperts != null && cachedExperts < 0) throw new org.pocketsim.hw.config.FieldException("cachedExperts", "must be >= 0");
            if ("belady".equals(cache) && !router.equals("top-k")) {
                throw new org.pocketsim.hw.config.FieldException("cache", "belady needs the future choices in advance, which a cache-conditional router makes depend on the cache");
            }
            if (trace == null) throw new org.pocketsim.hw.config.FieldException("trace", "is required: a trace directory or a synthetic generator");
        }
    }

    private static void requireShare(String field, double v) {
        if (!(v >= 0 && v <= 1)) throw new org.pocketsim.hw.config.FieldException(field, "must be a share in [0, 1], got " + v);
    }
}
