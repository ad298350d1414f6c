package org.pocketsim.engine.point;

import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.spec.Requester;

import java.util.Map;
import java.util.Set;

/**
 * Compute unit of each phase and decode kernel kind. Null entries fall back: a kernel kind to
 * {@code decode}, and {@code decode} or {@code prefill} to the SoC profile's execution defaults.
 *
 * @param decode  unit of decode kernels not listed in {@code kernels}
 * @param prefill unit of the prefill
 * @param kernels unit per decode kernel kind: {@code attention}, {@code mlp}, {@code lmHead}
 */
public record ExecutorSpec(@ConfigOptional Requester decode, @ConfigOptional Requester prefill,
                           @ConfigOptional Map<String, Requester> kernels) {

    /** The kernel kinds a run may place. */
    public static final Set<String> KERNEL_KINDS = Set.of("attention", "mlp", "lmHead");

    public ExecutorSpec {
        kernels = kernels == null ? Map.of() : Map.copyOf(kernels);
        for (String kind : kernels.keySet()) {
            if (!KERNEL_KINDS.contains(kind)) {
                throw new FieldException("kernels." + kind, "unknown kernel kind '" + kind + "' (kinds: attention, mlp, lmHead)"
                        + org.pocketsim.hw.config.Suggest.nearest(kind, KERNEL_KINDS).map(s -> "; did you mean '" + s + "'?").orElse(""));
            }
        }
    }
}
