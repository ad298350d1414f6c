package org.pocketsim.workload.trace;

import org.pocketsim.workload.safetensors.Dtype;
import org.pocketsim.workload.safetensors.SafetensorsException;
import org.pocketsim.workload.safetensors.SafetensorsWriter;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes any {@link TraceSource} as a trace directory. Rows are streamed token by token
 * (token 0 of every tensor, then token 1, ...), so a synthetic source is never materialised.
 * Everything goes to a temporary sibling directory that is renamed onto {@code out} only when
 * complete; on any error it is deleted, so no half-written trace is left. Float rows are
 * checked for NaN/infinity (and fp16 overflow) before they are written.
 */
public final class TraceWriter {

    private TraceWriter() {
    }

    /**
     * Writes {@code source} to {@code out} with a manifest derived from its {@link TraceInfo}
     * (provenance keys as in {@link TraceManifest#toInfo()}) and {@code shape}; activations are
     * stored as {@code dtype} (fp16, bf16 or fp32). Tensors are those the source {@code has}.
     */
    public static TraceManifest write(TraceSource source, TraceShape shape, String dtype, Path out) {
        return write(source, ManifestFromInfo.derive(source, shape, dtype), out);
    }

    /** Writes {@code source} to {@code out} under {@code manifest}, which lists the tensors and layers to write. */
    public static TraceManifest write(TraceSource source, TraceManifest manifest, Path out) {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) throw new TraceException(target + ": already exists; refusing to overwrite a trace");
        Path parent = target.getParent();
        Path tmp;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new TraceException(target + ": cannot create: " + e, e);
        }
        try {
            writeTensors(source, manifest, tmp.resolve(TraceReader.TENSORS_FILE), target);
            TraceManifestYaml.write(manifest, tmp.resolve(TraceManifestYaml.FILE_NAME));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            return manifest;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new TraceException(target + ": cannot write: " + e, e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e instanceof TraceException ? e : new TraceException(target + ": " + e.getMessage(), e);
        }
    }

    /** The safetensors dtype of activations stored as trace.yaml {@code dtype}. */
    public static Dtype storageDtype(String dtype) {
        return switch (dtype) {
            case "fp16" -> Dtype.F16;
            case "bf16" -> Dtype.BF16;
            case "fp32" -> Dtype.F32;
            default -> throw new IllegalArgumentException("dtype must be fp16, bf16 or fp32, got " + dtype);
        };
    }

    private record Planned(TensorKind kind, int layer, int index, float[] floats, int[] ints) {
    }

    private static void writeTensors(TraceSource source, TraceManifest m, Path file, Path target) {
        int tokens = m.tokens();
        if (source.info().tokens() < tokens) {
            throw new TraceException(target + ": source has " + source.info().tokens() + " tokens, manifest claims " + tokens);
        }
        List<SafetensorsWriter.Spec> specs = new ArrayList<>();
        List<TensorKind> kindOfSpec = new ArrayList<>();
        List<Integer> layerOfSpec = new ArrayList<>();
        if (m.hasTokenIds()) {
            specs.add(new SafetensorsWriter.Spec(TraceManifest.TOKENS, Dtype.I32, tokens));
            kindOfSpec.add(null);
            layerOfSpec.add(-1);
        }
        for (int layer : m.layers()) {
            for (TensorKind k : m.kinds()) {
                if (!source.has(k, layer)) continue;
                Dtype d = k == TensorKind.EXPERTS ? Dtype.I32 : k == TensorKind.ROUTER_LOGITS ? Dtype.F32 : storageDtype(m.dtype());
                specs.add(new SafetensorsWriter.Spec(k.tensorName(layer), d, tokens, m.shape().widthOf(k)));
                kindOfSpec.add(k);
                layerOfSpec.add(layer);
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pocketsim-trace");
        meta.put("schemaVersion", Integer.toString(TraceManifest.SCHEMA_VERSION));
        meta.put("model", m.model());
        List<Planned> plan = new ArrayList<>();
        boolean fp16 = m.dtype().equals("fp16");
        try (SafetensorsWriter w = SafetensorsWriter.create(file, specs, meta)) {
            for (int i = 0; i < specs.size(); i++) {
                TensorKind k = kindOfSpec.get(i);
                if (k == null) continue;
                int width = m.shape().widthOf(k);
                plan.add(new Planned(k, layerOfSpec.get(i), i, k == TensorKind.EXPERTS ? null : new float[width],
                        k == TensorKind.EXPERTS ? new int[width] : null));
            }
            int[] tokenRow = new int[1];
            for (int t = 0; t < tokens; t++) {
                if (m.hasTokenIds()) {
                    tokenRow[0] = source.tokenId(t);
                    if (tokenRow[0] < 0) throw new TraceException(target + ": source gives no token id for token " + t);
                    w.writeRow(0, t, tokenRow);
                }
                for (Planned p : plan) {
                    if (p.ints != null) {
                        source.readExperts(p.layer, t, p.ints);
                        checkExperts(target, p, t, m.shape().experts());
                        w.writeRow(p.index, t, p.ints);
                    } else {
                        source.readRow(p.kind, p.layer, t, p.floats);
                        checkFinite(target, p, t, fp16 && p.kind != TensorKind.ROUTER_LOGITS);
                        w.writeRow(p.index, t, p.floats);
                    }
                }
            }
        } catch (SafetensorsException e) {
            throw new TraceException(e.getMessage(), e);
        }
    }

    private static void checkFinite(Path target, Planned p, int token, boolean fp16) {
        float limit = fp16 ? 65519.996f : Float.MAX_VALUE;
        for (float v : p.floats) {
            if (!(Math.abs(v) <= limit)) {
                String what = Float.isFinite(v) ? v + " overflows fp16 (store as fp32 or bf16)" : v + "";
                throw new TraceException(target + ": " + p.kind.tensorName(p.layer) + " token " + token + " holds " + what);
            }
        }
    }

    private static void checkExperts(Path target, Planned p, int token, int experts) {
        for (int id : p.ints) {
            if (id < 0 || id >= experts) {
                throw new TraceException(target + ": " + p.kind.tensorName(p.layer) + " token " + token + " holds expert id " + id
                        + ", outside 0.." + (experts - 1));
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: the original error is what the caller must see.
        }
    }
}
