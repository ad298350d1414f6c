package org.pocketsim.workload.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pocketsim.hw.config.ConfigOptional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code trace.yaml} (docs/trace-format.md), validated on construction.
 * Optional fields ({@code prompt}, {@code sampling}, {@code source.generator}) may be null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TraceManifest(Integer schemaVersion, String model, TraceShape shape, Integer tokens,
                            List<Integer> layers, List<String> tensors, String dtype, Source source,
                            @ConfigOptional String prompt, @ConfigOptional Sampling sampling) {

    public static final int SCHEMA_VERSION = 1;
    /** Name of the token-id tensor, also its entry in {@code tensors}. */
    public static final String TOKENS = "tokens";
    private static final List<String> DTYPES = List.of("fp16", "bf16", "fp32");

    public TraceManifest {
        if (schemaVersion == null || schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
        require(model, "model");
        require(shape, "shape");
        require(tokens, "tokens");
        if (tokens < 1) throw new IllegalArgumentException("tokens must be at least 1, got " + tokens);
        require(layers, "layers");
        require(tensors, "tensors");
        require(dtype, "dtype");
        require(source, "source");
        if (!DTYPES.contains(dtype)) throw new IllegalArgumentException("dtype must be one of " + DTYPES + ", got " + dtype);
        layers = List.copyOf(layers);
        for (int i = 0; i < layers.size(); i++) {
            int l = layers.get(i);
            if (l < 0 || l >= shape.layers()) {
                throw new IllegalArgumentException("layers holds " + l + ", outside 0.." + (shape.layers() - 1));
            }
            if (i > 0 && l <= layers.get(i - 1)) throw new IllegalArgumentException("layers must be ascending and distinct");
        }
        tensors = List.copyOf(tensors);
        for (String t : tensors) {
            if (!t.equals(TOKENS) && kindOf(t) == null) {
                throw new IllegalArgumentException("tensors holds unknown tensor " + t + " (tokens, mlp_in, down_in, router_logits, experts)");
            }
        }
        for (TensorKind k : kinds(tensors)) {
            if (shape.widthOf(k) == 0) throw new IllegalArgumentException("tensors lists " + k.suffix() + " but its shape width is 0");
        }
    }

    /** Where the trace comes from; {@code origin} and {@code licence} are required. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String kind, String origin, String licence, @ConfigOptional Generator generator) {
        public Source {
            require(kind, "source.kind");
            require(origin, "source.origin");
            require(licence, "source.licence");
            sourceKind(kind);
        }

        /** The kind as the contract's enum. */
        public TraceInfo.SourceKind sourceKind() {
            return sourceKind(kind);
        }

        private static TraceInfo.SourceKind sourceKind(String kind) {
            return switch (kind) {
                case "captured" -> TraceInfo.SourceKind.CAPTURED;
                case "imported" -> TraceInfo.SourceKind.IMPORTED;
                case "synthetic" -> TraceInfo.SourceKind.SYNTHETIC;
                default -> throw new IllegalArgumentException("source.kind must be captured, imported or synthetic, got " + kind);
            };
        }
    }

    /** Synthetic generator name, seed and free-form parameters. */
    public record Generator(String name, Long seed, @ConfigOptional Map<String, Object> parameters) {
        public Generator {
            require(name, "source.generator.name");
            require(seed, "source.generator.seed");
            parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /** How tokens were sampled; every field but {@code method} is optional. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sampling(String method, @ConfigOptional Double temperature, @ConfigOptional Double topP,
                           @ConfigOptional Long seed) {
        public Sampling {
            require(method, "sampling.method");
            if (!method.equals("greedy") && !method.equals("sampled")) {
                throw new IllegalArgumentException("sampling.method must be greedy or sampled, got " + method);
            }
        }
    }

    /** The per-layer kinds listed in {@code tensors}, in enum order. */
    public List<TensorKind> kinds() {
        return kinds(tensors);
    }

    /** Whether {@code tensors} lists the token-id tensor. */
    public boolean hasTokenIds() {
        return tensors.contains(TOKENS);
    }

    /** Shape and provenance as the contract's {@link TraceInfo}; provenance keys are documented in docs/traces.md. */
    public TraceInfo toInfo() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("origin", source.origin());
        p.put("licence", source.licence());
        p.put("dtype", dtype);
        if (prompt != null) p.put("prompt", prompt);
        if (source.generator() != null) {
            p.put("generator.name", source.generator().name());
            p.put("generator.seed", Long.toString(source.generator().seed()));
            source.generator().parameters().forEach((k, v) -> p.put("generator.parameters." + k, String.valueOf(v)));
        }
        if (sampling != null) {
            p.put("sampling.method", sampling.method());
            if (sampling.temperature() != null) p.put("sampling.temperature", sampling.temperature().toString());
            if (sampling.topP() != null) p.put("sampling.topP", sampling.topP().toString());
            if (sampling.seed() != null) p.put("sampling.seed", sampling.seed().toString());
        }
        return new TraceInfo(model, source.sourceKind(), tokens, layers, p);
    }

    static TensorKind kindOf(String suffix) {
        for (TensorKind k : TensorKind.values()) {
            if (k.suffix().equals(suffix)) return k;
        }
        return null;
    }

    private static List<TensorKind> kinds(List<String> tensors) {
        List<TensorKind> out = new ArrayList<>();
        for (TensorKind k : TensorKind.values()) {
            if (tensors.contains(k.suffix())) out.add(k);
        }
        return out;
    }

    private static void require(Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
