package org.pocketsim.cli;

import org.pocketsim.workload.trace.TraceInfo;
import org.pocketsim.workload.trace.TraceManifest;
import org.pocketsim.workload.trace.TraceReader;
import org.pocketsim.workload.trace.TraceShape;
import org.pocketsim.workload.trace.TraceStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code pocketsim trace inspect DIR}: validates a trace and prints its shape, provenance and per-layer statistics. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Validate a trace directory and print shape, provenance and per-layer statistics.")
public final class TraceInspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "trace directory (trace.yaml + tensors.safetensors)")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        return CommandErrors.run(spec, () -> {
            try (TraceReader r = TraceReader.open(dir)) {
                print(out, r);
            }
            out.flush();
            return 0;
        });
    }

    private static void print(PrintWriter out, TraceReader r) {
        TraceManifest m = r.manifest();
        TraceInfo info = r.info();
        TraceShape s = m.shape();
        out.printf("trace     %s%n", r.directory());
        out.printf("model     %s%n", m.model());
        out.printf("source    %s: %s (licence %s)%n", m.source().kind(), m.source().origin(), m.source().licence());
        if (m.source().generator() != null) {
            out.printf("generator %s seed %d %s%n", m.source().generator().name(), m.source().generator().seed(),
                    m.source().generator().parameters());
        }
        if (m.prompt() != null) out.printf("prompt    %s%n", m.prompt());
        if (m.sampling() != null) out.printf("sampling  %s%n", info.provenance().entrySet().stream()
                .filter(e -> e.getKey().startsWith("sampling.")).map(e -> e.getKey().substring(9) + "=" + e.getValue())
                .sorted().toList());
        out.printf("shape     layers %d, hidden %d, intermediate %d, experts %d, top-k %d%n",
                s.layers(), s.hidden(), s.intermediate(), s.experts(), s.topK());
        out.printf("tokens    %d%n", m.tokens());
        out.printf("layers    %s (%d of %d)%n", m.layers(), m.layers().size(), s.layers());
        out.printf("tensors   %s, activations stored as %s%n", String.join(", ", m.tensors()), m.dtype());
        TraceStatistics stats = TraceStatistics.of(r, s);
        if (!stats.routing().isEmpty()) {
            out.println();
            out.println("routing   layer  reuse@1  top-expert-share");
            for (TraceStatistics.RoutingStats x : stats.routing()) {
                out.println(String.format(Locale.ROOT, "          %5d  %7.4f  %16.4f", x.layer(), x.reuseDistance1(), x.topExpertShare()));
            }
        }
        if (!stats.activations().isEmpty()) {
            out.println();
            out.println("activ.    layer  tensor      mean|x|  top-1%-share  dip-overlap@50%");
            for (TraceStatistics.ActivationStats x : stats.activations()) {
                out.println(String.format(Locale.ROOT, "          %5d  %-8s %10.4g  %12.4f  %15.4f", x.layer(), x.kind().suffix(),
                        x.meanAbs(), x.top1PercentShare(), x.dipOverlapAtHalf()));
            }
        }
    }
}
