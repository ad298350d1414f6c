package org.pocketsim.kernel.compress;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The measured GEMV error of each format on the LLM-like matrix, from {@code weight-error.csv}
 * (written by {@link CompressionErrorStudy}; {@code CompressionErrorStudyTest} re-measures rows of it),
 * so decode points can report the error of their weight format beside their speed.
 */
public final class WeightErrors {

    /** The data label of the rows decode points report. */
    public static final String LLM_LIKE = "llm-like-256x4096";

    private static final Map<String, Double> LLM_LIKE_ERRORS = load();

    private WeightErrors() {
    }

    /** The relative GEMV error of format {@code name} on the LLM-like matrix, if measured. */
    public static Optional<Double> relativeRmsError(String name) {
        // the five-trits-per-byte packing stores the same codes as the 2-bit one
        String codes = name.startsWith("ternary-p5-") ? "ternary-" + name.substring("ternary-p5-".length()) : name;
        return Optional.ofNullable(LLM_LIKE_ERRORS.get(codes));
    }

    private static Map<String, Double> load() {
        Map<String, Double> m = new HashMap<>();
        InputStream in = WeightErrors.class.getResourceAsStream("weight-error.csv");
        if (in == null) return m;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("data,")) continue;
                String[] f = line.split(",");
                if (f[0].equals(LLM_LIKE)) m.put(f[1], Double.parseDouble(f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
