package org.pocketsim.hw.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of every key and list element of one YAML document, keyed by dotted field path
 * ({@code dram.capacity}, {@code flash.sequentialRead[2].bandwidth}). Binding goes through a tree
 * (so that presets can be merged), which drops locations; errors find them again here.
 */
final class LocationIndex {

    /** A 1-based line and column. */
    record Position(int line, int column) {
    }

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final Map<String, Position> positions = new HashMap<>();

    private LocationIndex() {
    }

    /** Indexes {@code source}; a document that does not parse yields an empty index. */
    static LocationIndex of(ConfigSource source) {
        LocationIndex index = new LocationIndex();
        try (JsonParser p = FACTORY.createParser(source.text())) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                JsonStreamContext ctx = p.getParsingContext();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    ctx = ctx.getParent();
                }
                boolean memberName = token == JsonToken.FIELD_NAME;
                boolean listElement = ctx != null && ctx.inArray() && token != JsonToken.END_ARRAY
                        && token != JsonToken.END_OBJECT;
                if (memberName || listElement) {
                    JsonLocation at = p.currentTokenLocation();
                    index.positions.putIfAbsent(pathOf(ctx), new Position(at.getLineNr(), at.getColumnNr()));
                }
            }
        } catch (IOException e) {
            return index;
        }
        return index;
    }

    /** Dotted path of the node {@code parser} is at (for errors the parser reports). */
    static String pathOf(JsonParser parser) {
        JsonStreamContext ctx = parser.getParsingContext();
        if (ctx != null && (parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY)) {
            ctx = ctx.getParent();
        }
        return pathOf(ctx);
    }

    private static String pathOf(JsonStreamContext ctx) {
        if (ctx == null || ctx.inRoot()) {
            return "";
        }
        String parent = pathOf(ctx.getParent());
        if (ctx.inArray()) {
            return parent + "[" + ctx.getCurrentIndex() + "]";
        }
        String name = ctx.getCurrentName();
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** Number of leading path segments of {@code path} that this document defines (0 if none). */
    int depthDefined(String path) {
        String prefix = path;
        while (!prefix.isEmpty()) {
            if (positions.containsKey(prefix)) {
                return segments(prefix);
            }
            prefix = parentOf(prefix);
        }
        return 0;
    }

    /** Position of {@code path}, or of its nearest ancestor this document defines; null if none. */
    Position nearest(String path) {
        String prefix = path;
        while (!prefix.isEmpty()) {
            Position at = positions.get(prefix);
            if (at != null) {
                return at;
            }
            prefix = parentOf(prefix);
        }
        return null;
    }

    static String parentOf(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    static int segments(String path) {
        int n = 0;
        String prefix = path;
        while (!prefix.isEmpty()) {
            n++;
            prefix = parentOf(prefix);
        }
        return n;
    }
}
