package org.pocketsim.engine.compute;

import org.pocketsim.hw.spec.Requester;
import org.pocketsim.kernel.compress.DecodeOp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Rates and energy factors of decode operations per unit and path, from {@code decode-op-rates.csv}
 * (every row with its basis: assumed with the reason, or a Horowitz energy ratio). A rate is lanes
 * per cycle (per core for the CPU), {@link #ARRAY} (at the compute model's MAC rate) or
 * {@link #HIDDEN} (overlapped with the MAC pipeline).
 */
public final class DecodeOpRates {

    /** Lanes value meaning "at the MAC array's rate". */
    public static final double ARRAY = -1;
    /** Lanes value meaning "no time: overlapped with the multiply-adds". */
    public static final double HIDDEN = Double.POSITIVE_INFINITY;

    /** One row: lanes per cycle (or a marker) and pJ as a multiple of one MAC's. */
    public record Rate(double lanes, double pjFactor, String basis) {
    }

    private static final Map<String, Map<DecodeOp, Rate>> TABLE = load();

    private DecodeOpRates() {
    }

    /** The rate of {@code op} on {@code unit} along {@code path}. */
    public static Rate of(Requester unit, DecodeWorkPath path, DecodeOp op) {
        Rate r = TABLE.getOrDefault(key(unit, path), Map.of()).get(op);
        if (r == null) throw new IllegalStateException("decode-op-rates.csv has no row for " + key(unit, path) + " " + op);
        return r;
    }

    private static String key(Requester unit, DecodeWorkPath path) {
        return unit.name().toLowerCase(java.util.Locale.ROOT) + "," + path.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, Map<DecodeOp, Rate>> load() {
        Map<String, Map<DecodeOp, Rate>> table = new HashMap<>();
        try (InputStream in = DecodeOpRates.class.getResourceAsStream("decode-op-rates.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("unit,") || line.isBlank()) continue;
                String[] f = line.split(",", 6);
                double lanes = switch (f[3]) {
                    case "array" -> ARRAY;
                    case "hidden" -> HIDDEN;
                    default -> Double.parseDouble(f[3]);
                };
                table.computeIfAbsent(f[0] + "," + f[1], k -> new EnumMap<>(DecodeOp.class))
                        .put(DecodeOp.valueOf(f[2]), new Rate(lanes, Double.parseDouble(f[4]), f[5].replace("\"", "")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
