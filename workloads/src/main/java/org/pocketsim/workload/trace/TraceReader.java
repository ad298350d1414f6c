package org.pocketsim.workload.trace;

import org.pocketsim.workload.safetensors.Dtype;
import org.pocketsim.workload.safetensors.SafetensorsException;
import org.pocketsim.workload.safetensors.SafetensorsFile;
import org.pocketsim.workload.safetensors.TensorInfo;
import org.pocketsim.workload.safetensors.TensorView;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A trace directory ({@code trace.yaml} + {@code tensors.safetensors}) read as a
 * {@link TraceSource}: tensors stay memory-mapped and rows are decoded on demand. Opening
 * validates the manifest against the tensors (names, dtypes, shapes, token count, expert id
 * range, no stray tensors) and, unless disabled, scans every float tensor for NaN or infinity.
 */
public final class TraceReader implements TraceSource {

    /** File name of the tensors inside a trace directory. */
    public static final String TENSORS_FILE = "tensors.safetensors";

    private final Path dir;
    private final TraceManifest manifest;
    private final TraceInfo info;
    private final SafetensorsFile file;
    private final TensorView[][] views;
    private final TensorView tokens;

    private TraceReader(Path dir, TraceManifest manifest, SafetensorsFile file, TensorView[][] views, TensorView tokens) {
        this.dir = dir;
        this.manifest = manifest;
        this.info = manifest.toInfo();
        this.file = file;
        this.views = views;
        this.tokens = tokens;
    }

    /** Opens and fully validates trace directory {@code dir}, including the NaN/infinity scan. */
    public static TraceReader open(Path dir) {
        return open(dir, true);
    }

    /** Opens {@code dir}; {@code scanFinite} false skips the NaN/infinity scan (for traces already checked). */
    public static TraceReader open(Path dir, boolean scanFinite) {
        if (!Files.isDirectory(dir)) throw new TraceException(dir + ": not a trace directory");
        Path yaml = dir.resolve(TraceManifestYaml.FILE_NAME);
        Path data = dir.resolve(TENSORS_FILE);
        if (!Files.isRegularFile(yaml)) throw new TraceException(dir + ": missing " + TraceManifestYaml.FILE_NAME);
        if (!Files.isRegularFile(data)) throw new TraceException(dir + ": missing " + TENSORS_FILE);
        TraceManifest manifest = TraceManifestYaml.read(yaml);
        SafetensorsFile file;
        try {
            file = SafetensorsFile.open(data);
        } catch (SafetensorsException e) {
            throw new TraceException(e.getMessage(), e);
        }
        try {
            return bind(dir, manifest, file, scanFinite);
        } catch (RuntimeException e) {
            file.close();
            throw e instanceof TraceException ? e : new TraceException(e.getMessage(), e);
        }
    }

    private static TraceReader bind(Path dir, TraceManifest m, SafetensorsFile file, boolean scanFinite) {
        String where = dir.resolve(TENSORS_FILE).toString();
        TraceShape shape = m.shape();
        TensorView[][] views = new TensorView[TensorKind.values().length][shape.layers()];
        TensorView tokens = null;
        for (TensorInfo t : file.tensors()) {
            if (t.name().equals(TraceManifest.TOKENS)) {
                if (!m.hasTokenIds()) throw new TraceException(where + ": tensor tokens is not listed in trace.yaml tensors");
                checkTensor(where, t, Dtype.I32, new long[] {m.tokens()}, m.tokens());
                tokens = file.tensor(t.name());
                continue;
            }
            Parsed p = parseName(where, t.name());
            if (!m.layers().contains(p.layer)) {
                throw new TraceException(where + ": tensor " + t.name() + " belongs to layer " + p.layer + ", not listed in trace.yaml layers");
            }
            if (!m.kinds().contains(p.kind)) {
                throw new TraceException(where + ": tensor " + t.name() + " is a " + p.kind.suffix() + " tensor, not listed in trace.yaml tensors");
            }
            checkKindDtype(where, t, p.kind, m.dtype());
            checkTensor(where, t, t.dtype(), new long[] {m.tokens(), shape.widthOf(p.kind)}, m.tokens());
            views[p.kind.ordinal()][p.layer] = file.tensor(t.name());
        }
        if (m.hasTokenIds() && tokens == null) throw new TraceException(where + ": trace.yaml lists tokens but the tensor is missing");
        for (TensorKind k : m.kinds()) {
            boolean any = false;
            for (int l : m.layers()) any |= views[k.ordinal()][l] != null;
            if (!any) throw new TraceException(where + ": trace.yaml lists " + k.suffix() + " but no layers." + "{i}." + k.suffix() + " tensor is present");
        }
        for (int l : m.layers()) {
            if (views[TensorKind.EXPERTS.ordinal()][l] != null) checkExpertIds(where, views[TensorKind.EXPERTS.ordinal()][l], shape.experts());
            if (!scanFinite) continue;
            for (TensorKind k : TensorKind.values()) {
                TensorView v = views[k.ordinal()][l];
                if (v == null) continue;
                long bad = v.firstNonFiniteRow();
                if (bad >= 0) throw new TraceException(where + ": tensor " + v.info().name() + " holds NaN or infinity at token " + bad);
            }
        }
        return new TraceReader(dir, m, file, views, tokens);
    }

    private record Parsed(int layer, TensorKind kind) {
    }

    private static Parsed parseName(String where, String name) {
        String[] parts = name.split("\\.");
        TensorKind kind = parts.length == 3 ? TraceManifest.kindOf(parts[2]) : null;
        if (!parts[0].equals("layers") || kind == null || !parts[1].matches("0|[1-9][0-9]{0,5}")) {
            throw new TraceException(where + ": tensor " + name + " is not a trace tensor (tokens or layers.{i}.{mlp_in|down_in|router_logits|experts})");
        }
        return new Parsed(Integer.parseInt(parts[1]), kind);
    }

    private static void checkKindDtype(String where, TensorInfo t, TensorKind kind, String manifestDtype) {
        boolean ok = switch (kind) {
            case EXPERTS -> t.dtype() == Dtype.I32;
            case ROUTER_LOGITS -> t.dtype().isFloating();
            case MLP_IN, DOWN_IN -> t.dtype() == TraceWriter.storageDtype(manifestDtype);
        };
        if (!ok) {
            String want = kind == TensorKind.EXPERTS ? "I32" : kind == TensorKind.ROUTER_LOGITS ? "F16, BF16 or F32"
                    : TraceWriter.storageDtype(manifestDtype) + " (trace.yaml dtype: " + manifestDtype + ")";
            throw new TraceException(where + ": tensor " + t.name() + " is " + t.dtype() + ", expected " + want);
        }
    }

    private static void checkTensor(String where, TensorInfo t, Dtype dtype, long[] expected, int tokens) {
        long[] shape = t.shape();
        if (shape.length == expected.length && shape[0] < tokens) {
            throw new TraceException(where + ": tensor " + t.name() + " has " + shape[0] + " tokens, fewer than the " + tokens + " trace.yaml claims");
        }
        if (!Arrays.equals(shape, expected) || t.dtype() != dtype) {
            throw new TraceException(where + ": tensor " + t.name() + " has shape " + Arrays.toString(shape)
                    + ", trace.yaml implies " + Arrays.toString(expected));
        }
    }

    private static void checkExpertIds(String where, TensorView v, int experts) {
        int[] row = new int[v.rowWidth()];
        for (long t = 0; t < v.rows(); t++) {
            v.readRow(t, row);
            for (int i = 0; i < row.length; i++) {
                int id = row[i];
                if (id < 0 || id >= experts) {
                    throw new TraceException(where + ": tensor " + v.info().name() + " holds expert id " + id + " at token " + t
                            + ", outside 0.." + (experts - 1));
                }
                for (int j = 0; j < i; j++) {
                    if (row[j] == id) {
                        throw new TraceException(where + ": tensor " + v.info().name() + " holds expert id " + id
                                + " twice at token " + t + " (a token chooses distinct experts)");
                    }
                }
            }
        }
    }

    /** The trace directory. */
    public Path directory() {
        return dir;
    }

    public TraceManifest manifest() {
        return manifest;
    }

    public TraceShape shape() {
        return manifest.shape();
    }

    @Override
    public TraceInfo info() {
        return info;
    }

    @Override
    public boolean has(TensorKind kind, int layer) {
        return layer >= 0 && layer < views[0].length && views[kind.ordinal()][layer] != null;
    }

    @Override
    public void readRow(TensorKind kind, int layer, int token, float[] dst) {
        if (kind == TensorKind.EXPERTS) throw new IllegalArgumentException("experts are int32: use readExperts");
        view(kind, layer).readRow(token, dst);
    }

    @Override
    public void readExperts(int layer, int token, int[] dst) {
        view(TensorKind.EXPERTS, layer).readRow(token, dst);
    }

    @Override
    public int tokenId(int token) {
        if (tokens == null) return -1;
        return tokens.intAt(token, 0);
    }

    @Override
    public void require(TensorKind kind, Iterable<Integer> layers) {
        List<String> missing = new ArrayList<>();
        for (int l : layers) {
            if (!has(kind, l)) missing.add(kind.tensorName(l));
        }
        if (!missing.isEmpty()) throw new TraceException(dir + ": trace lacks " + String.join(", ", missing) + ", which the experiment needs");
    }

    private TensorView view(TensorKind kind, int layer) {
        if (!has(kind, layer)) throw new IllegalArgumentException(dir + ": trace has no tensor " + kind.tensorName(layer));
        return views[kind.ordinal()][layer];
    }

    @Override
    public void close() {
        file.close();
    }
}
