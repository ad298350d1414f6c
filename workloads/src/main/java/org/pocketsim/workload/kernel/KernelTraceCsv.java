package org.pocketsim.workload.kernel;

import org.pocketsim.workload.trace.TraceException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel-trace file: UTF-8 text, metadata in {@code # key: value} lines, then a CSV header and
 * one row per node:
 * <pre>
 * # pocketsim kernel-trace 1
 * # engine: llama.cpp build 1307 (cb07976)
 * # model: llama-2-7b-512-q4_0.gguf
 * # origin: ...
 * # licence: MIT
 * graph,node,tokens,op,ne0,ne1,ne2,k,weight_type,act_type,threads,measured_ms
 * 1,3,1,MUL_MAT,4096,1,1,4096,q4_0,q8_0,4,0.428
 * </pre>
 * {@code measured_ms} is empty when unknown. Reading checks every row (column count, numbers,
 * known ops, graph and node order) and reports the first bad one as {@code FILE:LINE: message}.
 */
public final class KernelTraceCsv {

    static final String MAGIC = "# pocketsim kernel-trace 1";
    static final String HEADER = "graph,node,tokens,op,ne0,ne1,ne2,k,weight_type,act_type,threads,measured_ms";

    private KernelTraceCsv() {
    }

    /** Whether {@code file} starts as a kernel-trace file does (else it may be an engine log to import). */
    public static boolean isKernelTrace(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return MAGIC.equals(r.readLine());
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes {@code trace} to {@code file} (through a temporary file, so no half-written file is left). */
    public static void write(KernelTrace trace, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(MAGIC + "\n");
            w.write("# engine: " + oneLine(trace.engine()) + "\n");
            w.write("# model: " + oneLine(trace.model()) + "\n");
            w.write("# origin: " + oneLine(trace.origin()) + "\n");
            w.write("# licence: " + oneLine(trace.licence()) + "\n");
            w.write(HEADER + "\n");
            StringBuilder row = new StringBuilder(96);
            for (KernelNode n : trace.nodes()) {
                row.setLength(0);
                row.append(n.graph()).append(',').append(n.node()).append(',').append(n.tokens()).append(',')
                        .append(n.op()).append(',').append(n.ne0()).append(',').append(n.ne1()).append(',')
                        .append(n.ne2()).append(',').append(n.k()).append(',').append(n.weightType()).append(',')
                        .append(n.actType()).append(',').append(n.threads()).append(',');
                if (!Double.isNaN(n.measuredMs())) row.append(n.measuredMs());
                w.write(row.append('\n').toString());
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new TraceException(file + ": cannot write: " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new TraceException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Reads a kernel-trace file; any bad line is a {@link TraceException} naming the file and line. */
    public static KernelTrace read(Path file) {
        if (!Files.isRegularFile(file)) throw new TraceException(file + ": file not found");
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            int number = 1;
            if (!MAGIC.equals(line)) throw error(file, number, "not a kernel trace (first line must be '" + MAGIC + "')");
            String engine = "";
            String model = "";
            String origin = "";
            String licence = "";
            while ((line = r.readLine()) != null && line.startsWith("# ")) {
                number++;
                int colon = line.indexOf(": ");
                if (colon < 0) throw error(file, number, "metadata line must be '# key: value'");
                String key = line.substring(2, colon);
                String value = line.substring(colon + 2);
                switch (key) {
                    case "engine" -> engine = value;
                    case "model" -> model = value;
                    case "origin" -> origin = value;
                    case "licence" -> licence = value;
                    default -> throw error(file, number, "unknown metadata key '" + key + "' (known: engine, model, origin, licence)");
                }
            }
            number++;
            if (!HEADER.equals(line)) throw error(file, number, "expected the header '" + HEADER + "'");
            List<KernelNode> nodes = new ArrayList<>();
            KernelNode last = null;
            while ((line = r.readLine()) != null) {
                number++;
                KernelNode n = row(file, number, line);
                if (last != null && !(n.graph() == last.graph() && n.node() == last.node() + 1)
                        && !(n.graph() > last.graph() && n.node() == 0)) {
                    throw error(file, number, "node " + n.graph() + "/" + n.node() + " does not follow "
                            + last.graph() + "/" + last.node() + " (graphs ascend, nodes count from 0)");
                }
                nodes.add(n);
                last = n;
            }
            if (nodes.isEmpty()) throw error(file, number, "no nodes");
            return new KernelTrace(engine, model, origin, licence, nodes);
        } catch (IOException e) {
            throw new TraceException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static KernelNode row(Path file, int number, String line) {
        String[] c = line.split(",", -1);
        if (c.length != 12) throw error(file, number, "expected 12 columns, got " + c.length);
        try {
            double ms = c[11].isEmpty() ? Double.NaN : Double.parseDouble(c[11]);
            if (!Double.isNaN(ms) && !(ms >= 0 && ms < Double.POSITIVE_INFINITY)) {
                throw error(file, number, "measured_ms must be a finite time >= 0, got " + c[11]);
            }
            return new KernelNode(Integer.parseInt(c[0]), Integer.parseInt(c[1]), Integer.parseInt(c[2]), c[3],
                    Long.parseLong(c[4]), Long.parseLong(c[5]), Long.parseLong(c[6]), Long.parseLong(c[7]), c[8], c[9],
                    Integer.parseInt(c[10]), ms);
        } catch (NumberFormatException e) {
            throw error(file, number, "not a number: " + e.getMessage().replace("For input string: ", ""));
        } catch (IllegalArgumentException e) {
            throw error(file, number, e.getMessage());
        }
    }

    static TraceException error(Path file, int line, String message) {
        return new TraceException(file + ":" + line + ": " + message);
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the write already failed; that error is the one reported
        }
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
