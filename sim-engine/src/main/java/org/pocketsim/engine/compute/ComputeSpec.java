package org.pocketsim.engine.compute;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.pocketsim.hw.spec.SocSpec;

/**
 * Where a run's MAC rates and pJ per MAC come from, as its {@code compute:} node says
 * ({@code compute: preset}, the default, or {@code {kind: mac-array, ...}}). Each kind is one
 * spec record beside its {@link ComputeModel} plus one registration line here.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PresetComputeSpec.class, name = "preset"),
        @JsonSubTypes.Type(value = MacArrayComputeSpec.class, name = "mac-array"),
        @JsonSubTypes.Type(value = CpuComputeSpec.class, name = "cpu")})
public sealed interface ComputeSpec permits PresetComputeSpec, MacArrayComputeSpec, CpuComputeSpec {

    /**
     * The model for a run on {@code soc}; every check its rates and prices need is made here.
     *
     * @throws org.pocketsim.hw.config.FieldException naming the field at fault
     */
    ComputeModel bind(SocSpec soc);
}
