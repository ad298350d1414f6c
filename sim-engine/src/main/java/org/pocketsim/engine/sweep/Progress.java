package org.pocketsim.engine.sweep;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a sweep on stderr: a redrawn bar with ETA on a terminal, plain lines otherwise
 * (CI logs, pipes). Thread-safe; the ETA is elapsed time per finished point times points left.
 */
public final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final long startNanos = System.nanoTime();
    private int done;
    private int skipped;

    public Progress(PrintStream out, boolean terminal, int total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
    }

    /** Progress for the console: a bar when stderr is a terminal. */
    public static Progress console(int total) {
        return new Progress(System.err, System.console() != null, total);
    }

    /** A point whose stored result was reused. */
    public synchronized void skipped() {
        skipped++;
        done++;
    }

    /** A point that just finished running. */
    public synchronized void finished(String label) {
        done++;
        int ran = done - skipped;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double eta = ran == 0 ? 0 : elapsed / ran * (total - done);
        if (terminal) {
            int width = 30;
            int filled = total == 0 ? width : (int) Math.round((double) done / total * width);
            out.printf(Locale.ROOT, "\r[%s%s] %d/%d  ETA %s  ", "#".repeat(filled), ".".repeat(width - filled), done, total, seconds(eta));
            if (done == total) out.println();
        } else {
            out.printf(Locale.ROOT, "point %d/%d done (%s), ETA %s%n", done, total, label, seconds(eta));
        }
        out.flush();
    }

    /** One closing line: how many points ran and how many were reused. */
    public synchronized void summary() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        out.printf(Locale.ROOT, "%d points: %d run, %d reused from an earlier run, in %s%n", total, done - skipped, skipped, seconds(elapsed));
        out.flush();
    }

    private static String seconds(double s) {
        return s < 60 ? String.format(Locale.ROOT, "%.1fs", s) : String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60);
    }
}
