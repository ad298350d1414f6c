package org.pocketsim.hw.spec;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.config.Suggest;

/**
 * The {@code sources:} map of a profile: field path -> where the number comes from. A source may
 * sit on the fact's own path or on an ancestor at least two levels deep ({@code npu.macsPerCycle}
 * covers {@code npu.macsPerCycle.int8}; a section such as {@code dram} alone covers nothing).
 * Texts cite a reference key ({@code [Q7] ...}) or say {@code assumed: <why>}.
 */
public final class Provenance {

    private static final Pattern ASSUMED = Pattern.compile("(?i)assumed: \\S.{9,}");

    private Provenance() {
    }

    /** Checks that every fact has a source and every source names a fact; returns a sorted copy. */
    static Map<String, String> validate(Map<String, String> sources, Map<String, String> facts) {
        if (sources == null) {
            throw new FieldException("sources", "is required: one entry per number, e.g. "
                    + "'dram.capacity: \"[Q7] ...\"' or 'assumed: <why>'");
        }
        for (Map.Entry<String, String> entry : sources.entrySet()) {
            String key = entry.getKey();
            boolean namesFact = facts.keySet().stream().anyMatch(f -> f.equals(key) || isDeepAncestor(key, f));
            if (!namesFact) {
                throw new FieldException("sources." + key, "names no hardware fact of this profile"
                        + Suggest.nearest(key, facts.keySet()).map(s -> "; did you mean '" + s + "'?").orElse(""));
            }
            String text = entry.getValue() == null ? "" : entry.getValue().strip();
            if (text.isEmpty()) {
                throw new FieldException("sources." + key, "must cite a source or say 'assumed: <why>'");
            }
            if (text.toLowerCase(Locale.ROOT).startsWith("assumed") && !ASSUMED.matcher(text).matches()) {
                throw new FieldException("sources." + key, "must give the reason: 'assumed: <why>' (at least 10 characters)");
            }
        }
        for (String fact : facts.keySet()) {
            if (find(sources, fact).isEmpty()) {
                throw new FieldException(fact, "has no entry in 'sources' (cite a reference or write 'assumed: <why>')");
            }
        }
        return java.util.Collections.unmodifiableMap(new TreeMap<>(sources));
    }

    /** The source covering {@code path}: its own entry or the nearest deep-enough ancestor's. */
    public static Optional<String> find(Map<String, String> sources, String path) {
        String prefix = path;
        while (depth(prefix) >= 2 || prefix.equals(path)) {
            String source = sources.get(prefix);
            if (source != null) {
                return Optional.of(source);
            }
            String parent = parentOf(prefix);
            if (parent.isEmpty()) {
                break;
            }
            prefix = parent;
        }
        return Optional.empty();
    }

    private static boolean isDeepAncestor(String key, String fact) {
        return depth(key) >= 2 && (fact.startsWith(key + ".") || fact.startsWith(key + "["));
    }

    private static String parentOf(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    private static int depth(String path) {
        int n = path.isEmpty() ? 0 : 1;
        for (char c : path.toCharArray()) {
            if (c == '.' || c == '[') {
                n++;
            }
        }
        return n;
    }
}
