package org.pocketsim.engine.decode.mlp;

import org.pocketsim.engine.decode.Component;
import org.pocketsim.engine.decode.DecodeLowering;
import org.pocketsim.engine.decode.WorkGroup;

/**
 * LLM-in-a-flash sparse FFN ({@link SparseStreamSpec}): {@code residentShare} of the FFN in DRAM;
 * each token loads {@code loadShare} from flash in random chunks and multiplies {@code activeShare}
 * from DRAM (one hook). Prefill uses the whole FFN: the resident share from DRAM, the rest from
 * flash in the same chunks.
 */
final class SparseStreamMethod implements MlpMethod {

    private final SparseStreamSpec spec;
    private final DecodeLowering lowering;

    SparseStreamMethod(SparseStreamSpec spec, MlpContext context) {
        this.spec = spec;
        this.lowering = context.lowering();
    }

    @Override
    public long residentBytes() {
        return (long) (spec.residentShare() * lowering.denseMlpBytes());
    }

    @Override
    public int hooksPerToken() {
        return 1;
    }

    @Override
    public void lowerResident(WorkGroup mlp) {
    }

    @Override
    public void lowerHook(int hook, int token, WorkGroup into) {
        into.flash(Component.MLP, (long) (spec.loadShare() * lowering.denseMlpBytes()), spec.chunk().bytes(), true);
        into.dram(Component.MLP, (long) (spec.activeShare() * lowering.denseMlpBytes()),
                (long) (spec.activeShare() * lowering.denseMlpMacs()));
    }

    @Override
    public PrefillReads prefill(long cacheBytes) {
        long resident = residentBytes();
        return new PrefillReads(resident, lowering.denseMlpBytes() - resident, spec.chunk().bytes(), true);
    }
}
