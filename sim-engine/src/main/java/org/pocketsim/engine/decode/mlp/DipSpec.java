package org.pocketsim.engine.decode.mlp;

import org.pocketsim.engine.decode.TraceSpec;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.kernel.sparsity.DipDensity;

/**
 * Dynamic Input Pruning (papers.md §1.3-1.5) on a trace: each token's up/gate columns are the
 * top-k of |MLP input| and its down columns the top-k of |down input|; each masked linear has a
 * DRAM column cache; cached columns are read from DRAM, the rest from flash (see {@link DipMethod}).
 *
 * @param keep          overall MLP density, split by the optimised-DIP rule (or give upKeep and downKeep)
 * @param upKeep        share of up/gate columns kept
 * @param downKeep      share of down columns kept
 * @param gluPruning    baseline: up and gate dense and resident, only down masked
 * @param cache         eviction policy of the column caches, from the eviction registry (default lru)
 * @param gamma         cache-aware masking: scores of uncached columns times gamma (absent: plain DIP)
 * @param fixedTopShare share of k taken by raw score before reweighting (default 0.5)
 * @param warmUp        ramp gamma over the first tokens (default true)
 * @param bundle        read a feature's up and gate columns from flash in one request of both
 *                      (LLM in a flash's row-column bundling; they share one DIP mask), so the
 *                      flash request is twice a column; down columns are read alone (default false)
 * @param trace         the trace whose activations drive the masks
 */
public record DipSpec(@ConfigOptional Double keep, @ConfigOptional Double upKeep, @ConfigOptional Double downKeep,
                      @ConfigOptional Boolean gluPruning, @ConfigOptional String cache, @ConfigOptional Double gamma,
                      @ConfigOptional Double fixedTopShare, @ConfigOptional Boolean warmUp, @ConfigOptional Boolean bundle,
                      TraceSpec trace) implements MlpSpec {

    public DipSpec {
        if (gluPruning == null) gluPruning = Boolean.FALSE;
        if (keep == null && (upKeep == null || downKeep == null) && !(gluPruning && downKeep != null)) {
            throw new FieldException("keep", "give keep, or upKeep and downKeep (gluPruning needs only downKeep)");
        }
        if (keep != null && (upKeep != null || downKeep != null)) {
            throw new FieldException("keep", "give either keep or upKeep/downKeep, not both");
        }
        if (keep != null) MlpSpec.share("keep", keep);
        if (upKeep != null) MlpSpec.share("upKeep", upKeep);
        if (downKeep != null) MlpSpec.share("downKeep", downKeep);
        cache = MlpSpec.policy("cache", cache, "lru");
        if (fixedTopShare == null) fixedTopShare = 0.5;
        if (warmUp == null) warmUp = Boolean.TRUE;
        if (bundle == null) bundle = Boolean.FALSE;
        if (gamma != null) MlpSpec.share("gamma", gamma);
        MlpSpec.share("fixedTopShare", fixedTopShare);
        if (trace == null) throw new FieldException("trace", "is required: a trace directory or a synthetic generator");
        if ("belady".equals(cache) && gamma != null) {
            throw new FieldException("cache", "belady needs the future masks in advance, which cache-aware masking (gamma) makes depend on the cache itself");
        }
    }

    /** The column densities this method keeps. */
    public DipDensity density() {
        if (gluPruning) return DipDensity.gluPruning(keep != null ? keep : downKeep);
        return keep != null ? DipDensity.optimised(keep) : new DipDensity(upKeep, downKeep);
    }

    @Override
    public MlpMethod bind(MlpContext context) {
        return new DipMethod(this, context);
    }
}
