package org.pocketsim.workload.synth;

import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.ActivationPersistence;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceReader;
import org.pocketsim.workload.trace.TraceSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The dense real model's traces ({@code data/traces/real/pocketsim-llama-py/prompt-*}) beside
 * synthetic traces generated at its widths: fits the activation persistences pooled over the
 * prompts (the source of {@link SynthParameters}' defaults), and per traced layer and tensor puts
 * the real and generated {@link ActivationPersistence} statistics side by side. Generated trace i
 * has prompt i's |x| quantiles as targets ({@link ActivationFitter}), the default persistences,
 * seed {@link #SEED} + i and as many tokens as the real trace. Run {@link #main} from the
 * repository root to rewrite {@link #CSV}.
 */
public final class SyntheticVsReal {

    /** The dense real model's trace directories' parent. */
    public static final String REAL_DENSE = "data/traces/real/pocketsim-llama-py";
    /** Its architecture as a model YAML. */
    public static final String MODEL_YAML = "data/traces/real/models/pocketsim-llama-py.yaml";
    /** The side-by-side table, checked in. */
    public static final String CSV = "data/traces/real/stats/synthetic-vs-real-llama.csv";
    /** Seed of the first generated trace. */
    public static final long SEED = 1;
    private static final TensorKind[] KINDS = {TensorKind.MLP_IN, TensorKind.DOWN_IN};

    /** Persistences fitted per prompt and their means over prompts. */
    public record PooledFit(List<ActivationFitter.Fit> perTrace, double channelPersistence, double temporalPersistence) {
    }

    /** One layer's tensor, real beside generated. */
    public record Row(ActivationPersistence.Pooled real, ActivationPersistence.Pooled generated, int tokens) {
    }

    private SyntheticVsReal() {
    }

    public static ModelSpec model(Path root) {
        return ModelCatalog.resolve(root.resolve(MODEL_YAML).toString());
    }

    /** The {@code prompt-*} trace directories of the dense real model, sorted. */
    public static List<Path> traceDirs(Path root) {
        Path dir = root.resolve(REAL_DENSE);
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = s.filter(p -> p.getFileName().toString().startsWith("prompt-")).sorted().toList();
            if (out.isEmpty()) throw new IllegalArgumentException(dir + ": no prompt-* trace directories");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@link ActivationFitter} on each trace (pooling its traced layers and both tensors, weighted
     * by width), then the plain mean over traces of c and of ρ.
     */
    public static PooledFit fit(List<Path> dirs, ModelSpec spec) {
        List<ActivationFitter.Fit> fits = new ArrayList<>();
        double c = 0;
        double rho = 0;
        for (Path d : dirs) {
            ActivationFitter.Fit f = ActivationFitter.fit(() -> TraceReader.open(d, false), spec, d.toString());
            fits.add(f);
            c += f.channelPersistence() / dirs.size();
            rho += f.temporalPersistence() / dirs.size();
        }
        return new PooledFit(fits, c, rho);
    }

    /** Real and generated statistics per traced layer and tensor, generated with persistences (c, ρ). */
    public static List<Row> compare(List<Path> dirs, ModelSpec spec, PooledFit fit, double c, double rho) {
        List<Integer> layers;
        int tokens;
        try (TraceReader first = TraceReader.open(dirs.get(0), false)) {
            layers = first.info().layers();
            tokens = first.info().tokens();
        }
        List<List<ActivationPersistence.Single>> real = new ArrayList<>();
        List<List<ActivationPersistence.Single>> gen = new ArrayList<>();
        for (int i = 0; i < layers.size() * KINDS.length; i++) {
            real.add(new ArrayList<>());
            gen.add(new ArrayList<>());
        }
        for (int i = 0; i < dirs.size(); i++) {
            try (TraceReader r = TraceReader.open(dirs.get(i), false)) {
                if (r.info().tokens() != tokens || !r.info().layers().equals(layers)) {
                    throw new IllegalArgumentException(dirs.get(i) + ": tokens or layers differ from " + dirs.get(0));
                }
                measure(r, spec, layers, real);
            }
            SynthParameters p = SynthParameters.defaults(SEED + i, tokens).withTensors(true, false).withPersistence(c, rho);
            try (SyntheticTrace g = SyntheticTraces.calibrated(spec, p, fit.perTrace().get(i).targets(), null)) {
                measure(g, spec, layers, gen);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int li = 0; li < layers.size(); li++) {
            for (int k = 0; k < KINDS.length; k++) {
                int l = layers.get(li);
                int width = width(spec, KINDS[k], l);
                rows.add(new Row(ActivationPersistence.pool(l, KINDS[k], width, real.get(li * KINDS.length + k)),
                        ActivationPersistence.pool(l, KINDS[k], width, gen.get(li * KINDS.length + k)), tokens * dirs.size()));
            }
        }
        return rows;
    }

    private static void measure(TraceSource t, ModelSpec spec, List<Integer> layers, List<List<ActivationPersistence.Single>> out) {
        for (int li = 0; li < layers.size(); li++) {
            for (int k = 0; k < KINDS.length; k++) {
                int l = layers.get(li);
                out.get(li * KINDS.length + k).add(ActivationPersistence.of(t, KINDS[k], l, width(spec, KINDS[k], l)));
            }
        }
    }

    private static int width(ModelSpec spec, TensorKind kind, int layer) {
        return kind == TensorKind.MLP_IN ? spec.mlpInputWidth() : spec.downInputWidth(layer);
    }

    /** The rows as CSV text, values to 4 decimals. */
    public static String csv(List<Row> rows, double c, double rho) {
        StringBuilder sb = new StringBuilder("layer,tensor,width,traces,tokens,real_overlap_top10,gen_overlap_top10,"
                + "real_overlap_top25,gen_overlap_top25,real_overlap_top50,gen_overlap_top50,real_persistent_share,"
                + "gen_persistent_share,real_ar1_abs_median,gen_ar1_abs_median,gen_channel_persistence,gen_temporal_persistence\n");
        for (Row r : rows) {
            ActivationPersistence.Pooled a = r.real();
            ActivationPersistence.Pooled g = r.generated();
            sb.append(a.layer()).append(',').append(a.kind().suffix()).append(',').append(a.width()).append(',')
                    .append(a.traces()).append(',').append(r.tokens());
            for (int i = 0; i < a.overlap().length; i++) sb.append(',').append(num(a.overlap()[i])).append(',').append(num(g.overlap()[i]));
            sb.append(',').append(num(a.persistentShare())).append(',').append(num(g.persistentShare()))
                    .append(',').append(num(a.ar1AbsMedian())).append(',').append(num(g.ar1AbsMedian()))
                    .append(',').append(num(c)).append(',').append(num(rho)).append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Fits, compares with the default persistences and rewrites {@link #CSV} under the root {@code args[0]} (default "."). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        ModelSpec spec = model(root);
        List<Path> dirs = traceDirs(root);
        PooledFit fit = fit(dirs, spec);
        for (int i = 0; i < dirs.size(); i++) {
            System.out.printf(Locale.ROOT, "%s: c %.4f rho %.4f%n", dirs.get(i), fit.perTrace().get(i).channelPersistence(),
                    fit.perTrace().get(i).temporalPersistence());
        }
        System.out.printf(Locale.ROOT, "pooled: c %.6f rho %.6f (defaults: c %.4f rho %.4f)%n", fit.channelPersistence(),
                fit.temporalPersistence(), SynthParameters.DEFAULT_CHANNEL_PERSISTENCE, SynthParameters.DEFAULT_TEMPORAL_PERSISTENCE);
        String text = csv(compare(dirs, spec, fit, SynthParameters.DEFAULT_CHANNEL_PERSISTENCE,
                SynthParameters.DEFAULT_TEMPORAL_PERSISTENCE), SynthParameters.DEFAULT_CHANNEL_PERSISTENCE,
                SynthParameters.DEFAULT_TEMPORAL_PERSISTENCE);
        Files.writeString(root.resolve(CSV), text, StandardCharsets.UTF_8);
        System.out.print(text);
    }
}
