package org.pocketsim.engine.point;

import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.unit.DataSize;

/**
 * Where weights live.
 *
 * @param dramBudget     DRAM the model may use (default: all the profile leaves after the OS reserve);
 *                       smaller budgets model "half the model in memory" set-ups
 * @param allowStreaming whether weights that do not fit are streamed from flash every token
 *                       (otherwise not fitting is an error)
 */
public record PlacementSpec(@ConfigOptional DataSize dramBudget, @ConfigOptional Boolean allowStreaming) {

    public PlacementSpec {
        if (allowStreaming == null) allowStreaming = Boolean.FALSE;
    }
}
