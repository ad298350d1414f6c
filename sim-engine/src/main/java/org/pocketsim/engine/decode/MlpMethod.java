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
        @JsonSubTypes.Type(value = MlpMethod.Dip.class, name = "dip")})
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

    private static void requireShare(String field, double v) {
        if (!(v >= 0 && v <= 1)) throw new org.pocketsim.hw.config.FieldException(field, "must be a share in [0, 1], got " + v);
    }
}
