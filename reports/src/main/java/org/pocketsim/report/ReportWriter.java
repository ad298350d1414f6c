package org.pocketsim.report;

import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.report.chart.ChartDrawing;
import org.pocketsim.report.chart.ChartRenderer;
import org.pocketsim.report.data.SourceCommit;
import org.pocketsim.report.data.ResultsCsv;
import org.pocketsim.report.data.ResultsJsonFile;
import org.pocketsim.report.html.ReportPage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a whole report folder: {@code index.html}, a PNG and an SVG per chart, {@code results.csv}
 * and {@code results.json}, also when some points failed (all three list them; a chart that
 * needs a failed point is left out and named). Everything is rendered into a hidden temporary folder beside
 * {@code outDir} and moved into place only when complete, so a failure (a chart naming a metric
 * no point has, a full disk) leaves no half-written report: {@code outDir} is then as it was.
 * An existing report at {@code outDir} is replaced; temporary folders an interrupted earlier
 * write left are removed first.
 */
public final class ReportWriter {

    public static final String INDEX_FILE = "index.html";

    private ReportWriter() {
    }

    /** Renders {@code result} into {@code outDir}; returns the path of its index.html. */
    public static Path write(ExperimentResult result, Path outDir) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) throw new IllegalArgumentException("report folder has no parent: " + outDir);
        Files.createDirectories(parent);
        String base = "." + target.getFileName();
        removeStale(parent, base);
        Path staging = Files.createTempDirectory(parent, base + ".new-");
        try {
            renderInto(result, staging);
            replace(staging, target, parent, base);
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(staging);
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return target.resolve(INDEX_FILE);
    }

    private static void renderInto(ExperimentResult result, Path dir) throws IOException {
        write(dir.resolve(ReportPage.CSV_FILE), ResultsCsv.write(result));
        write(dir.resolve(ReportPage.JSON_FILE), ResultsJsonFile.write(result));
        Map<ChartSpec, ChartDrawing> drawings = new LinkedHashMap<>();
        java.util.List<String> leftOut = new java.util.ArrayList<>();
        for (ChartSpec chart : ChartRenderer.charts(result)) {
            try {
                drawings.put(chart, ChartRenderer.render(chart, result, dir));
            } catch (IllegalArgumentException e) { // a chart whose points failed is left out, and said so
                leftOut.add(ReportPage.leftOut(result, e));
            }
        }
        write(dir.resolve(INDEX_FILE), ReportPage.render(result, drawings, leftOut, SourceCommit.of(ReportWriter.class)));
    }

    /**
     * Deletes temporary folders an earlier, interrupted write of the same report left beside it
     * ({@code .NAME.new-*}, {@code .NAME.old-*}).
     */
    private static void removeStale(Path parent, String base) throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(parent,
                p -> {
                    String n = p.getFileName().toString();
                    return Files.isDirectory(p) && (n.startsWith(base + ".new-") || n.startsWith(base + ".old-"));
                })) {
            for (Path p : stale) deleteTree(p);
        }
    }

    /** Moves the finished folder into place, first moving any old report aside so the swap never merges. */
    private static void replace(Path staging, Path target, Path parent, String base) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(parent, base + ".old-");
            Files.delete(old);
            move(target, old);
        }
        try {
            move(staging, target);
        } catch (IOException e) {
            if (old != null) move(old, target);
            throw e;
        }
        if (old != null) deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
