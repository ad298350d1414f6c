package org.pocketsim.engine.compute;

import org.pocketsim.hw.spec.SocSpec;

/** {@code compute: preset} (the default): the SoC profile's MAC rates and energy tables. */
public record PresetComputeSpec() implements ComputeSpec {

    @Override
    public ComputeModel bind(SocSpec soc) {
        return new PresetCompute(soc);
    }
}
