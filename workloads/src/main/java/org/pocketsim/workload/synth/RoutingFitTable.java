package org.pocketsim.workload.synth;

import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-layer routing fits of the MoE study's models, computed once and shipped
 * ({@code data/traces/moe-routing-fit-per-layer.csv}, a copy in the jar): fitting every layer by
 * simulation takes seconds per model, reading the fitted parameters none, and a fitted layer is
 * rebuilt from them exactly ({@link RoutingFitter#layerModel}). Each row is one MoE layer of one
 * shape (MoE layers, experts, top-k) fitted to {@link RoutingDepthProfile#olmoe()} with
 * {@link #FIT_SEED}: its targets (for reading) and its five fitted parameters. Shapes not in the
 * table are fitted at load time the same way. {@code RoutingFitTableTest} re-fits every shipped
 * shape and checks the file bit for bit; {@link #main} rewrites it.
 */
public final class RoutingFitTable {

    /** Seed of the shipped fits (the popularity permutation of each layer and the fitter's simulations). */
    public static final long FIT_SEED = 11;
    /**
     * Models whose shapes are fitted into the shipped table: the MoE study's synthetic traces, and
     * OLMoE-1B-7B itself (configs/moe-example.yaml's fitted trace; its layers map one to one).
     */
    public static final List<String> MODELS = List.of("qwen1.5-moe-a2.7b", "deepseek-v2-lite", "mixtral-8x7b", "phi3.5-moe",
            "olmoe-1b-7b-0924");
    static final String FILE = "moe-routing-fit-per-layer.csv";
    static final String HEADER = "model,moe_layers,experts,top_k,moe_layer,reuse_d1,reuse_d2,reuse_d3,reuse_d4,reuse_d5,reuse_d6,"
            + "reuse_d7,reuse_d8,top_expert_share,frac_cover80,window,gamma,fast_weight,rho_fast,rho_slow,top_boost";

    private static volatile Map<String, double[][]> shipped;

    private RoutingFitTable() {
    }

    /**
     * Fitted parameters of every MoE layer of a shape from the shipped table, or null when the
     * table does not hold that shape.
     */
    public static double[][] shipped(int moeLayers, int experts, int topK) {
        Map<String, double[][]> t = shipped;
        if (t == null) {
            try (InputStream in = RoutingFitTable.class.getResourceAsStream(FILE)) {
                if (in == null) throw new IllegalStateException(FILE + " is missing from the workloads jar");
                t = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(FILE + ": " + e.getMessage(), e);
            }
            shipped = t;
        }
        double[][] x = t.get(key(moeLayers, experts, topK));
        return x == null ? null : java.util.Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
    }

    static Map<String, double[][]> parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) throw new IllegalStateException(FILE + ": header is not " + HEADER);
        Map<String, List<double[]>> rows = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            if (f.length != 21) throw new IllegalStateException(FILE + ":" + (i + 1) + ": " + f.length + " fields, expected 21");
            int layers = Integer.parseInt(f[1]);
            List<double[]> shape = rows.computeIfAbsent(key(layers, Integer.parseInt(f[2]), Integer.parseInt(f[3])), k -> new ArrayList<>());
            if (Integer.parseInt(f[4]) != shape.size()) throw new IllegalStateException(FILE + ":" + (i + 1) + ": MoE layers out of order");
            double[] x = new double[5];
            for (int p = 0; p < 5; p++) x[p] = Double.parseDouble(f[16 + p]);
            shape.add(x);
        }
        Map<String, double[][]> out = new HashMap<>();
        rows.forEach((k, v) -> out.put(k, v.toArray(double[][]::new)));
        return out;
    }

    private static String key(int moeLayers, int experts, int topK) {
        return moeLayers + "/" + experts + "/" + topK;
    }

    /** The table's text for {@link #MODELS}, fitted now. */
    static String compute() {
        RoutingDepthProfile profile = RoutingDepthProfile.olmoe();
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (String id : MODELS) {
            ModelSpec m = ModelCatalog.load(id);
            int n = m.moeLayers().size();
            int e = m.moe().experts();
            int k = m.moe().topK();
            for (int i = 0; i < n; i++) {
                RoutingDepthProfile.LayerTarget t = profile.target(i, n, e, k);
                double[] x = RoutingFitter.fitLayer(t, e, k, RoutingFitter.layerSeed(FIT_SEED, i));
                out.append(id).append(',').append(n).append(',').append(e).append(',').append(k).append(',').append(i);
                for (int d = 1; d <= RoutingDepthProfile.DISTANCES; d++) out.append(',').append(f4(t.reuse(d)));
                out.append(',').append(f4(t.topExpertShare())).append(',').append(f4(t.fracCover80())).append(',').append(t.window());
                for (double v : x) out.append(',').append(v);
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /**
     * Rewrites the table: {@code java -cp <workloads classpath> org.pocketsim.workload.synth.RoutingFitTable
     * data/traces/moe-routing-fit-per-layer.csv} (about 15 s on one core).
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RoutingFitTable OUT.csv");
            System.exit(2);
        }
        Files.writeString(Path.of(args[0]), compute(), StandardCharsets.UTF_8);
    }
}
