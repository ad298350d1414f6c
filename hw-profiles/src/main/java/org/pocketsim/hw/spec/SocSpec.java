package org.pocketsim.hw.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.config.Require;

/**
 * A system on chip as PocketSim models it: memory, storage, compute units, cache sizes, energy
 * prices, default kernel placement, and the source of every number ({@code sources}, keyed by
 * field path; see {@link #facts()}). The GPU is optional ({@code gpu} null); a profile with one
 * gives its DRAM bandwidth ({@code dram.achievableBandwidth.gpu} or a fraction of peak) and its
 * price per MAC ({@code energy.gpuPjPerMac}).
 */
public record SocSpec(
        String id,
        String name,
        String description,
        DramSpec dram,
        FlashSpec flash,
        NpuSpec npu,
        @ConfigOptional GpuSpec gpu,
        CpuSpec cpu,
        List<CacheSpec> caches,
        EnergySpec energy,
        ExecutionSpec execution,
        Map<String, String> sources) {

    public SocSpec {
        Require.identifier(id, "id");
        Require.notBlank(name, "name");
        Require.notNull(description, "description");
        Require.notNull(dram, "dram");
        Require.notNull(flash, "flash");
        Require.notNull(npu, "npu");
        Require.notNull(cpu, "cpu");
        caches = List.copyOf(Require.notNull(caches, "caches"));
        Require.notNull(energy, "energy");
        Require.notNull(execution, "execution");
        if (cpu.memoryBandwidth().compareTo(dram.peakBandwidth()) > 0) {
            throw new FieldException("cpu.memoryBandwidth",
                    cpu.memoryBandwidth() + " exceeds dram.peakBandwidth " + dram.peakBandwidth());
        }
        if (gpu != null) {
            if (dram.achievableFraction() == null && !dram.achievableBandwidth().containsKey(RequesterSet.GPU)) {
                throw new FieldException("dram.achievableBandwidth", "has no entry for 'gpu', which a profile with a gpu needs");
            }
            if (energy.gpuPjPerMac() == null) {
                throw new FieldException("energy.gpuPjPerMac", "is missing; a profile with a gpu prices its MACs");
            }
        }
        sources = Provenance.validate(sources, collectFacts(dram, flash, npu, gpu, cpu, caches, energy));
    }

    /**
     * Every hardware fact of this profile as field path -> value text, in declaration order, e.g.
     * {@code dram.peakBandwidth -> 76.8 GB/s}. Each one has a source ({@link #sourceOf}).
     */
    public Map<String, String> facts() {
        return collectFacts(dram, flash, npu, gpu, cpu, caches, energy);
    }

    /** The source note covering the fact at {@code path}. */
    public String sourceOf(String path) {
        return Provenance.find(sources, path)
                .orElseThrow(() -> new IllegalArgumentException("no fact '" + path + "' in profile " + id));
    }

    /**
     * The facts of a profile made of these parts, before sources are checked (used to attach
     * "override" sources to the facts a user file changes); {@code gpu} may be null.
     */
    public static Map<String, String> collectFacts(DramSpec dram, FlashSpec flash, NpuSpec npu, GpuSpec gpu, CpuSpec cpu,
                                                    List<CacheSpec> caches, EnergySpec energy) {
        Map<String, String> facts = new LinkedHashMap<>();
        dram.addFacts("dram", facts);
        flash.addFacts("flash", facts);
        npu.addFacts("npu", facts);
        if (gpu != null) gpu.addFacts("gpu", facts);
        cpu.addFacts("cpu", facts);
        for (int i = 0; i < caches.size(); i++) {
            caches.get(i).addFacts("caches[" + i + "]", facts);
        }
        energy.addFacts("energy", facts);
        return facts;
    }
}
