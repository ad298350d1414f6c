package org.pocketsim.workload.synth;

import org.pocketsim.workload.trace.TensorKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Real per-layer |activation| thresholds by sparsity from TEAL
 * ({@code data/third-party/sparsity/teal-abs-thresholds-by-sparsity.csv}): MLP input
 * ({@code mlp,h1}, our {@code mlp_in}) and down-projection input ({@code mlp,h2}, our
 * {@code down_in}) of Llama-2-7B, Llama-3-8B and Mistral-7B.
 *
 * <p>Only s5..s95 are used as quantiles. The file's s99 column is 4x to 400x s95 in every row,
 * far beyond any tail consistent with s5..s95 (it behaves like the histogram's top edge), so it
 * is kept for the calibration report but not fitted.
 */
public final class TealThresholds {

    /** Sparsity levels used as quantile probabilities: 0.05, 0.10, ..., 0.95. */
    public static final double[] PROBS = new double[19];

    static {
        for (int i = 0; i < PROBS.length; i++) PROBS[i] = (i + 1) * 0.05;
    }

    private final Map<String, TreeMap<Integer, double[]>> rows = new HashMap<>();
    private final Map<String, Double> s99 = new HashMap<>();

    private TealThresholds() {
    }

    /** Classpath copy of data/third-party/sparsity/teal-abs-thresholds-by-sparsity.csv (see workloads/pom.xml). */
    private static final String SHIPPED = "teal-abs-thresholds-by-sparsity.csv";
    private static volatile TealThresholds shipped;

    /** The thresholds shipped in the jar (the real TEAL data in data/third-party/sparsity/), loaded once. */
    public static TealThresholds shipped() {
        TealThresholds t = shipped;
        if (t == null) {
            try (java.io.InputStream in = TealThresholds.class.getResourceAsStream(SHIPPED)) {
                if (in == null) throw new IllegalStateException(SHIPPED + " is missing from the workloads jar");
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                t = parse(text.lines().toList(), SHIPPED);
            } catch (IOException e) {
                throw new UncheckedIOException(SHIPPED + ": " + e.getMessage(), e);
            }
            shipped = t;
        }
        return t;
    }

    /** Loads a TEAL threshold CSV. */
    public static TealThresholds load(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(csv + ": " + e.getMessage(), e);
        }
        return parse(lines, csv.toString());
    }

    private static TealThresholds parse(List<String> lines, String csv) {
        TealThresholds t = new TealThresholds();
        List<String> header = split(lines.get(0));
        int s5 = header.indexOf("s5");
        int s99Col = header.indexOf("s99");
        if (s5 < 0 || s99Col < 0 || !header.subList(0, 4).equals(List.of("model", "layer", "module", "tensor"))) {
            throw new IllegalArgumentException(csv + ":1: expected columns model,layer,module,tensor,...,s5..s95,s99");
        }
        for (int n = 1; n < lines.size(); n++) {
            List<String> f = split(lines.get(n));
            if (f.size() != header.size()) throw new IllegalArgumentException(csv + ":" + (n + 1) + ": " + f.size() + " fields, header has " + header.size());
            if (!f.get(2).equals("mlp") || !(f.get(3).equals("h1") || f.get(3).equals("h2"))) continue;
            TensorKind kind = f.get(3).equals("h1") ? TensorKind.MLP_IN : TensorKind.DOWN_IN;
            int layer = Integer.parseInt(f.get(1));
            double[] q = new double[PROBS.length];
            for (int i = 0; i < q.length; i++) q[i] = Double.parseDouble(f.get(s5 + i));
            t.rows.computeIfAbsent(key(f.get(0), kind), k -> new TreeMap<>()).put(layer, q);
            t.s99.put(key(f.get(0), kind) + "|" + layer, Double.parseDouble(f.get(s99Col)));
        }
        return t;
    }

    /** Layers with data for a source model (TEAL name, e.g. {@code Mistral-7B}). */
    public int layers(String source) {
        TreeMap<Integer, double[]> m = rows.get(key(source, TensorKind.MLP_IN));
        if (m == null) throw new IllegalArgumentException("no TEAL thresholds for model '" + source + "'; have " + models());
        return m.lastKey() + 1;
    }

    /** Source models present. */
    public List<String> models() {
        List<String> out = new ArrayList<>();
        for (String k : rows.keySet()) if (k.endsWith("|" + TensorKind.MLP_IN.suffix())) out.add(k.substring(0, k.indexOf('|')));
        out.sort(null);
        return out;
    }

    /** The real quantiles of one source layer. */
    public MagnitudeQuantiles quantiles(String source, int layer, TensorKind kind) {
        TreeMap<Integer, double[]> m = rows.get(key(source, kind));
        if (m == null || !m.containsKey(layer)) {
            throw new IllegalArgumentException("no TEAL thresholds for " + source + " layer " + layer + " " + kind.suffix());
        }
        return new MagnitudeQuantiles(PROBS, m.get(layer));
    }

    /** The s99 value the file reports for a source layer (not used for fitting; see the class comment). */
    public double reportedS99(String source, int layer, TensorKind kind) {
        Double v = s99.get(key(source, kind) + "|" + layer);
        if (v == null) throw new IllegalArgumentException("no TEAL s99 for " + source + " layer " + layer);
        return v;
    }

    /**
     * Quantiles for layer {@code layer} of a model with {@code layers} layers, taken from the
     * source model at the same relative depth (geometric interpolation between the two nearest
     * source layers); identical to {@link #quantiles} when the layer counts match.
     */
    public MagnitudeQuantiles atRelativeDepth(String source, int layer, int layers, TensorKind kind) {
        int sourceLayers = layers(source);
        double pos = layers == 1 ? 0 : (double) layer * (sourceLayers - 1) / (layers - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sourceLayers - 1);
        MagnitudeQuantiles a = quantiles(source, lo, kind);
        return hi == lo || pos == lo ? a : MagnitudeQuantiles.geometricMix(a, quantiles(source, hi, kind), pos - lo);
    }

    private static String key(String model, TensorKind kind) {
        return model + "|" + kind.suffix();
    }

    /** Splits one CSV line, honouring double quotes around fields with commas. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }
}
