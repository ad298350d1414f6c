package org.pocketsim.workload.kernel;

import org.pocketsim.workload.trace.TraceException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a llama.cpp run log with GGML_PERF per-node timings (the dump of {@code ggml_graph_print}
 * after each evaluated graph) into a {@link KernelTrace}. What the log states is taken from it:
 * <ul>
 *   <li>the weights' types and shapes from the {@code llama_model_loader: - tensor} lines;</li>
 *   <li>head count and width from {@code llm_load_print_meta}, the KV-cache element size from
 *       {@code kv self size} over {@code 2 x n_layer x n_ctx x n_embd};</li>
 *   <li>each node's op, output extents and wall time (ms per run) from its {@code  - i: [...]} line,
 *       the graph's token count from its GET_ROWS node, the threads from {@code system_info}.</li>
 * </ul>
 * A MUL_MAT node does not name its operands, so its weight is found by shape: a weight-times-
 * activation node ({@code ne2 = 1}) multiplies the weight whose row count is {@code ne0}; when
 * several weights have that many rows (Llama's attention and FFN-down matrices both give 4096), its
 * input width is the extent {@code ne0} of the latest earlier node of the graph that matches one
 * of them (ggml adds a node's inputs before the node). The token embedding is read by GET_ROWS,
 * never multiplied. An attention node ({@code ne2 > 1}) multiplies the KV cache: KQ has the head
 * width as inner length, KQV the KV length of the preceding SOFT_MAX. Activations are multiplied in
 * the weight type's {@code vec_dot_type} (q8_0 for the 32-weight types, q8_k for k-quants, fp16
 * for fp16), as ggml's CPU type traits say.
 *
 * <p>Lines outside graph dumps are log text and are not read; inside a dump every line must be a
 * node, leaf, per-op total or the closing rule. A malformed line, a missing node, an unknown op or
 * a weight that cannot be found is an error naming the file and line.
 */
public final class GgmlPerfImporter {

    private static final Pattern TENSOR = Pattern.compile(
            "llama_model_loader: - tensor +\\d+: +(\\S+) +(\\S+) +\\[ *(\\d+), *(\\d+), *(\\d+), *(\\d+) *\\]");
    private static final Pattern NODE = Pattern.compile(
            " - +(\\d+): \\[ *(\\d+), *(\\d+), *(\\d+)\\] +([A-Z_0-9]+) +[xg ]? *\\( *(\\d+)\\) cpu = +([0-9.]+) / +([0-9.]+) ms,"
                    + " wall = +([0-9.]+) / +([0-9.]+) ms");
    private static final Pattern LEAF = Pattern.compile(" - +(\\d+): \\[ *(\\d+), *(\\d+)\\] +[A-Z_]+ +.+");
    private static final Pattern COUNT = Pattern.compile("(n_nodes|n_leafs) = (\\d+)");
    private static final Pattern PER_OP = Pattern.compile("perf_total_per_op_us\\[ *[A-Z_0-9]+\\] = +[0-9.]+ ms");
    private static final Pattern META = Pattern.compile("llm_load_print_meta: (\\w+) += (.+)");
    private static final Pattern KV_SIZE = Pattern.compile("llama_new_context_with_model: kv self size += +([0-9.]+) MB");
    private static final Pattern N_CTX = Pattern.compile("llama_new_context_with_model: n_ctx += (\\d+)");
    private static final Pattern THREADS = Pattern.compile("system_info: n_threads = (\\d+) / \\d+");
    private static final Pattern BUILD = Pattern.compile("main: build = (\\d+) \\((\\w+)\\)");
    private static final Pattern MODEL = Pattern.compile("llama_model_loader: loaded meta data .* from (\\S+)");

    private final Path file;
    private final List<Weight> weights = new ArrayList<>();
    private final List<Raw> raw = new ArrayList<>();
    private final java.util.Map<String, Long> meta = new java.util.HashMap<>();
    private String engine = "llama.cpp";
    private String model = "";
    private double kvMegabytes = Double.NaN;
    private long nCtx;
    private int threads;
    private int line;

    private record Weight(String name, String type, long k, long rows) {
    }

    /** A node line as read, before types are resolved. */
    private record Raw(int line, int graph, int node, String op, long ne0, long ne1, long ne2, double wallMs) {
    }

    private GgmlPerfImporter(Path file) {
        this.file = file;
    }

    /**
     * Reads {@code file}.
     *
     * @param origin  where the log comes from (repository@commit:path), stored in the trace
     * @param licence licence of the origin
     * @throws TraceException naming the file and line of the first bad line
     */
    public static KernelTrace read(Path file, String origin, String licence) {
        if (!Files.isRegularFile(file)) throw new TraceException(file + ": file not found");
        GgmlPerfImporter importer = new GgmlPerfImporter(file);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            importer.scan(r);
        } catch (IOException e) {
            throw new TraceException(file + ": cannot read: " + e.getMessage(), e);
        }
        return importer.resolve(origin, licence);
    }

    private void scan(BufferedReader r) throws IOException {
        String text;
        int graph = -1;
        while ((text = r.readLine()) != null) {
            line++;
            if (text.endsWith("=== GRAPH ===")) {
                graph++;
                graphDump(r, graph);
                continue;
            }
            header(text);
        }
        if (graph < 0) throw new TraceException(file + ": no '=== GRAPH ===' dump: the log was not written with GGML_PERF");
    }

    private void header(String text) {
        Matcher m;
        if ((m = TENSOR.matcher(text)).matches()) {
            long ne1 = number(m.group(4), "tensor extent");
            if (number(m.group(5), "tensor extent") != 1 || number(m.group(6), "tensor extent") != 1) return;
            weights.add(new Weight(m.group(1), registryName(m.group(2)), number(m.group(3), "tensor extent"), ne1));
        } else if ((m = META.matcher(text)).matches()) {
            String v = m.group(2).trim();
            if (v.matches("\\d+")) meta.put(m.group(1), number(v, m.group(1)));
        } else if ((m = KV_SIZE.matcher(text)).matches()) {
            kvMegabytes = decimal(m.group(1), "kv self size");
        } else if ((m = N_CTX.matcher(text)).matches()) {
            nCtx = number(m.group(1), "n_ctx");
        } else if ((m = THREADS.matcher(text)).find()) {
            threads = (int) intNumber(m.group(1), "n_threads");
        } else if ((m = BUILD.matcher(text)).matches()) {
            engine = "llama.cpp build " + m.group(1) + " (" + m.group(2) + ")";
        } else if ((m = MODEL.matcher(text)).find()) {
            model = m.group(1);
        }
    }

    private void graphDump(BufferedReader r, int graph) throws IOException {
        int nodes = count(r, "n_nodes");
        for (int i = 0; i < nodes; i++) {
            String text = next(r, "node " + i + " of " + nodes);
            Matcher m = NODE.matcher(text);
            if (!m.matches()) throw error(line, "malformed node line (expected ' - i: [ne0, ne1, ne2] OP (runs) cpu = a / b ms, wall = c / d ms')");
            long index = intNumber(m.group(1), "node index");
            if (index != i) throw error(line, "node " + index + " where node " + i + " was expected");
            String op = m.group(5);
            if (!KernelOps.isKnown(op)) throw error(line, KernelOps.unknown(op));
            long runs = intNumber(m.group(6), "run count");
            if (runs < 1) throw error(line, "node ran " + runs + " times");
            long ne0 = number(m.group(2), "extent ne0");
            long ne1 = number(m.group(3), "extent ne1");
            long ne2 = number(m.group(4), "extent ne2");
            if (ne0 < 1 || ne1 < 1 || ne2 < 1) throw error(line, "extents must be >= 1, got [" + ne0 + ", " + ne1 + ", " + ne2 + "]");
            raw.add(new Raw(line, graph, i, op, ne0, ne1, ne2, decimal(m.group(9), "wall time")));
        }
        int leafs = count(r, "n_leafs");
        for (int i = 0; i < leafs; i++) {
            if (!LEAF.matcher(next(r, "leaf " + i + " of " + leafs)).matches()) throw error(line, "malformed leaf line");
        }
        while (true) {
            String text = next(r, "the closing '=====' line");
            if (text.startsWith("=====")) return;
            if (!PER_OP.matcher(text).matches()) throw error(line, "malformed per-op total line");
        }
    }

    private int count(BufferedReader r, String key) throws IOException {
        String text = next(r, key);
        Matcher m = COUNT.matcher(text);
        if (!m.matches() || !m.group(1).equals(key)) throw error(line, "expected '" + key + " = N'");
        return (int) intNumber(m.group(2), key);
    }

    /** The decimal {@code digits} (a regex's {@code \d+}) as a long, else an error at the current line. */
    private long number(String digits, String what) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error(line, what + " " + digits + " is out of range");
        }
    }

    /** The {@code [0-9.]+} text as a finite number, else an error at the current line ({@code 1.2.3} matches the pattern). */
    private double decimal(String text, String what) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isInfinite(v)) throw error(line, what + " " + text + " is out of range");
            return v;
        } catch (NumberFormatException e) {
            throw error(line, what + " " + text + " is not a number");
        }
    }

    /** The decimal {@code digits} as a count up to {@link Integer#MAX_VALUE}, else an error at the current line. */
    private long intNumber(String digits, String what) {
        long v = number(digits, what);
        if (v > Integer.MAX_VALUE) throw error(line, what + " " + digits + " is out of range (at most " + Integer.MAX_VALUE + ")");
        return v;
    }

    private String next(BufferedReader r, String expected) throws IOException {
        String text = r.readLine();
        if (text == null) throw error(line, "the log ends inside a graph dump, before " + expected);
        line++;
        return text;
    }

    private KernelTrace resolve(String origin, String licence) {
        if (threads < 1) throw new TraceException(file + ": no 'system_info: n_threads = N / M' line");
        long heads = need("n_head");
        long embd = need("n_embd");
        long layers = need("n_layer");
        if (nCtx < 1 || Double.isNaN(kvMegabytes)) throw new TraceException(file + ": no n_ctx or 'kv self size' line");
        double kvBytesPerElement = kvMegabytes * 1024 * 1024 / (2.0 * layers * nCtx * embd);
        String kvType = kvBytesPerElement == 2 ? "fp16" : kvBytesPerElement == 4 ? "fp32" : null;
        if (kvType == null) throw new TraceException(file + ": KV cache of " + kvBytesPerElement + " bytes per element: not fp16 or fp32");
        if (raw.isEmpty()) throw new TraceException(file + ": no graph dump holds a node");
        List<KernelNode> nodes = new ArrayList<>(raw.size());
        int start = 0;
        while (start < raw.size()) {
            int end = start;
            while (end < raw.size() && raw.get(end).graph() == raw.get(start).graph()) end++;
            int tokens = tokens(start, end);
            for (int i = start; i < end; i++) nodes.add(node(i, start, tokens, heads, embd, kvType));
            start = end;
        }
        return new KernelTrace(engine, model, origin, licence, nodes);
    }

    private int tokens(int start, int end) {
        for (int i = start; i < end; i++) {
            if (raw.get(i).op().equals("GET_ROWS")) {
                long tokens = raw.get(i).ne1();
                if (tokens > Integer.MAX_VALUE) throw error(raw.get(i).line(), "GET_ROWS of " + tokens + " tokens is out of range");
                return (int) tokens;
            }
        }
        throw error(raw.get(start).line() - 2, "graph " + raw.get(start).graph() + " has no GET_ROWS node to give its token count");
    }

    private KernelNode node(int i, int graphStart, int tokens, long heads, long embd, String kvType) {
        Raw n = raw.get(i);
        long k = 0;
        String weight = "";
        String act = "fp32";
        if (n.op().equals("MUL_MAT")) {
            if (n.ne2() == 1) {
                Weight w = weight(i, graphStart);
                k = w.k();
                weight = w.type();
            } else {
                k = attentionInner(i, graphStart, heads, embd);
                weight = kvType;
            }
            act = vecDotType(weight);
        }
        return new KernelNode(n.graph(), n.node(), tokens, n.op(), n.ne0(), n.ne1(), n.ne2(), k, weight, act, threads, n.wallMs());
    }

    private Weight weight(int i, int graphStart) {
        Raw n = raw.get(i);
        List<Weight> candidates = weights.stream()
                .filter(w -> w.rows() == n.ne0() && !w.name().equals("token_embd.weight")).toList();
        if (candidates.isEmpty()) throw error(n.line(), "no weight of the model has " + n.ne0() + " rows for this MUL_MAT");
        List<Long> widths = candidates.stream().map(Weight::k).distinct().toList();
        long k = widths.get(0);
        if (widths.size() > 1) {
            k = -1;
            for (int j = i - 1; j >= graphStart && k < 0; j--) {
                if (widths.contains(raw.get(j).ne0())) k = raw.get(j).ne0();
            }
            if (k < 0) throw error(n.line(), "cannot tell which weight this MUL_MAT reads (widths " + widths + ")");
        }
        long width = k;
        List<String> types = candidates.stream().filter(w -> w.k() == width).map(Weight::type).distinct().toList();
        if (types.size() != 1) throw error(n.line(), "weights of " + n.ne0() + " x " + width + " have several types " + types);
        return new Weight("", types.get(0), width, n.ne0());
    }

    private long attentionInner(int i, int graphStart, long heads, long embd) {
        Raw n = raw.get(i);
        if (n.ne0() == embd / heads) {
            for (int j = i - 1; j >= graphStart; j--) {
                if (raw.get(j).op().equals("SOFT_MAX")) return raw.get(j).ne0();
            }
            throw error(n.line(), "attention MUL_MAT (KQV) without a preceding SOFT_MAX");
        }
        return embd / heads;
    }

    /** ggml's CPU {@code vec_dot_type} of a weight type: what the activations are quantised to. */
    private static String vecDotType(String weight) {
        return switch (weight) {
            case "q4_0", "q4_1", "q5_0", "q5_1", "q8_0" -> "q8_0";
            case "q2_k", "q3_k", "q4_k", "q5_k", "q6_k", "iq4_xs" -> "q8_k";
            case "fp16" -> "fp16";
            default -> "fp32";
        };
    }

    private long need(String key) {
        Long v = meta.get(key);
        if (v == null || v < 1) throw new TraceException(file + ": no 'llm_load_print_meta: " + key + " = N' line");
        return v;
    }

    /** The registry's name of a ggml type name: lower case, f16/f32 as fp16/fp32. */
    static String registryName(String ggml) {
        String t = ggml.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "f16" -> "fp16";
            case "f32" -> "fp32";
            case "bf16" -> "bf16";
            default -> t;
        };
    }

    private TraceException error(int at, String message) {
        return new TraceException(file + ":" + at + ": " + message);
    }
}
