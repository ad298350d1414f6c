package org.pocketsim.cli;

import org.pocketsim.workload.kernel.GgmlPerfImporter;
import org.pocketsim.workload.kernel.KernelNode;
import org.pocketsim.workload.kernel.KernelTrace;
import org.pocketsim.workload.kernel.KernelTraceCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code pocketsim kernel-trace import --format ggml-perf LOG OUT.csv}: reads a llama.cpp log with
 * GGML_PERF per-node timings and writes the kernel-trace file (one row per executed node). A
 * malformed line or an unknown op is one line naming the log's line, exit 2; nothing is written.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Convert a llama.cpp GGML_PERF log into a kernel-trace CSV file.")
public final class KernelTraceImportCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, description = "ggml-perf (llama.cpp built with GGML_PERF)")
    String format;

    @Mixin
    SourceOptions source;

    @Parameters(index = "0", paramLabel = "LOG", description = "the engine's log")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "kernel-trace file to write (CSV)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        return CommandErrors.run(spec, () -> {
            if (!format.equals("ggml-perf")) {
                throw new UserInputException("--format " + format + ": unknown kernel-log format (known: ggml-perf)");
            }
            ImportPaths.check(in, out);
            KernelTrace trace = GgmlPerfImporter.read(in, source.origin(in), source.licence());
            KernelTraceCsv.write(trace, out);
            long decode = trace.nodes().stream().filter(n -> n.node() == 0 && n.tokens() == 1).count();
            int threads = trace.nodes().get(0).threads();
            long matmuls = trace.nodes().stream().filter(KernelNode::isMatMul).count();
            stdout.printf("wrote %s: %d nodes (%d MUL_MAT) in %d graphs (%d decode steps), %s, %d threads%n",
                    out, trace.nodes().size(), matmuls, trace.graphs(), decode, trace.engine(), threads);
            stdout.flush();
            return 0;
        });
    }
}
