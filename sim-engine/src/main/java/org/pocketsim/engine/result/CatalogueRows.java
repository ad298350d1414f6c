package org.pocketsim.engine.result;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the catalogue's resource rows ({@code name,unit,label,better,kind}; '#' starts a
 * comment), so that a new point kind registers its metrics with one line each.
 */
final class CatalogueRows {

    private CatalogueRows() {
    }

    static List<MetricCatalogue.Metric> read(String resource) {
        List<MetricCatalogue.Metric> rows = new ArrayList<>();
        try (InputStream in = CatalogueRows.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split(",", -1);
                if (f.length != 5) throw new IllegalStateException(resource + ":" + number + ": expected 5 fields, got " + f.length);
                rows.add(new MetricCatalogue.Metric(f[0], f[1], f[2], better(f[3], resource, number),
                        f[4].equals("per-layer") ? MetricCatalogue.Kind.PER_LAYER : MetricCatalogue.Kind.SCALAR));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rows;
    }

    private static ChartSpec.Better better(String text, String resource, int line) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "lower" -> ChartSpec.Better.LOWER;
            case "higher" -> ChartSpec.Better.HIGHER;
            case "none" -> null;
            default -> throw new IllegalStateException(resource + ":" + line + ": better must be lower, higher or none, got " + text);
        };
    }
}
