package org.pocketsim.engine.decode.mlp;

import org.pocketsim.engine.decode.Component;
import org.pocketsim.engine.decode.DecodeLowering;
import org.pocketsim.engine.decode.WorkGroup;

/** Every MLP weight resident in DRAM and read each token (for MoE, the lowering reads the chosen and shared experts). */
final class DenseMethod implements MlpMethod {

    private final DecodeLowering lowering;
    private final Component component;

    DenseMethod(MlpContext context) {
        this.lowering = context.lowering();
        this.component = context.model().isMoe() ? Component.EXPERTS : Component.MLP;
    }

    @Override
    public long residentBytes() {
        return lowering.denseMlpBytes();
    }

    @Override
    public void lowerResident(WorkGroup mlp) {
        mlp.dram(component, lowering.denseMlpBytes(), lowering.denseMlpMacs());
    }

    @Override
    public PrefillReads prefill(long cacheBytes) {
        return PrefillReads.resident(lowering.denseMlpBytes());
    }
}
