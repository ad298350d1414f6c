package org.pocketsim.engine.experiment;

import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.spec.Requester;

/**
 * Compute unit of each phase; null means the SoC profile's default for that kernel kind
 * ({@code decode}, {@code prefill}).
 */
public record ExecutorSpec(@ConfigOptional Requester decode, @ConfigOptional Requester prefill) {
}
