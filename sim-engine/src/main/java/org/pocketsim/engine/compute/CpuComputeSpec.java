package org.pocketsim.engine.compute;

import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.spec.SocSpec;

/**
 * {@code compute: {kind: cpu, threads: 8, kernels: ggml}}: CPU work timed by {@link CpuCompute}
 * from the profile's CPU facts (bandwidth of the threads, per-format kernel rates from the SIMD
 * features and the kernel library, fork/join per graph node, element-wise work); the NPU and all
 * prices keep the profile's tables.
 *
 * @param threads threads of the CPU kernels; default the profile's inference cores
 * @param kernels the engine's kernel library ({@link KernelLibrary}: ggml, xnnpack); default ggml
 */
public record CpuComputeSpec(@ConfigOptional Integer threads, @ConfigOptional String kernels) implements ComputeSpec {

    public CpuComputeSpec {
        if (threads != null && threads < 1) throw new FieldException("threads", "must be at least 1, got " + threads);
        KernelLibrary.named(kernels);
    }

    @Override
    public ComputeModel bind(SocSpec soc) {
        int t = threads != null ? threads : soc.cpu().cores();
        if (t > soc.cpu().cores()) {
            throw new FieldException("threads", soc.name() + " has " + soc.cpu().cores() + " inference cores, got " + t + " threads");
        }
        return CpuCompute.of(soc, t, KernelLibrary.named(kernels));
    }
}
