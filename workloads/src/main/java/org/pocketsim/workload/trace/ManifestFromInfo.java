package org.pocketsim.workload.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a {@link TraceManifest} from a source's {@link TraceInfo}, reading provenance under the
 * keys {@link TraceManifest#toInfo()} writes ({@code origin}, {@code licence}, {@code prompt},
 * {@code generator.name}, {@code generator.seed}, {@code generator.parameters.<name>},
 * {@code sampling.method|temperature|topP|seed}), so that read-write round trips are lossless.
 */
final class ManifestFromInfo {

    private ManifestFromInfo() {
    }

    static TraceManifest derive(TraceSource source, TraceShape shape, String dtype) {
        TraceInfo info = source.info();
        Map<String, String> p = info.provenance();
        List<String> tensors = new ArrayList<>();
        if (source.tokenId(0) >= 0) tensors.add(TraceManifest.TOKENS);
        for (TensorKind k : TensorKind.values()) {
            for (int l : info.layers()) {
                if (source.has(k, l)) {
                    tensors.add(k.suffix());
                    break;
                }
            }
        }
        boolean synthetic = info.sourceKind() == TraceInfo.SourceKind.SYNTHETIC;
        TraceManifest.Generator generator = null;
        if (p.containsKey("generator.name")) {
            Map<String, Object> params = new LinkedHashMap<>();
            String prefix = "generator.parameters.";
            p.keySet().stream().filter(k -> k.startsWith(prefix)).sorted()
                    .forEach(k -> params.put(k.substring(prefix.length()), number(p.get(k))));
            generator = new TraceManifest.Generator(p.get("generator.name"), parseLong(p, "generator.seed", 0L), params);
        }
        String origin = p.getOrDefault("origin", synthetic ? p.get("generator.name") : null);
        String licence = p.getOrDefault("licence", synthetic ? "n/a" : null);
        TraceManifest.Source src = new TraceManifest.Source(info.sourceKind().name().toLowerCase(Locale.ROOT), origin, licence, generator);
        TraceManifest.Sampling sampling = null;
        if (p.containsKey("sampling.method")) {
            sampling = new TraceManifest.Sampling(p.get("sampling.method"), parseDouble(p, "sampling.temperature"),
                    parseDouble(p, "sampling.topP"), parseLong(p, "sampling.seed", null));
        }
        return new TraceManifest(TraceManifest.SCHEMA_VERSION, info.modelId(), shape, info.tokens(), info.layers(),
                tensors, dtype, src, p.get("prompt"), sampling);
    }

    private static Object number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notLong) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException notDouble) {
                return text;
            }
        }
    }

    private static Long parseLong(Map<String, String> p, String key, Long fallback) {
        String v = p.get(key);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("provenance " + key + " is not an integer: " + v);
        }
    }

    private static Double parseDouble(Map<String, String> p, String key) {
        String v = p.get(key);
        if (v == null) return null;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("provenance " + key + " is not a number: " + v);
        }
    }
}
