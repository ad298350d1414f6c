package org.pocketsim.engine.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON form of the result records: pretty-printed for {@code results.json}, one line per point
 * for append-only sweep logs that a resumed run reads back. Unknown properties are errors, so a
 * stale or foreign file is rejected rather than half-read.
 */
public final class ResultJson {

    private static final ObjectMapper PRETTY = base().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper COMPACT = base().build();

    private ResultJson() {
    }

    private static JsonMapper.Builder base() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** Pretty-printed JSON of a whole experiment, '\n' line ends, no trailing newline. */
    public static String toJson(ExperimentResult result) {
        return write(PRETTY, result).replace("\r\n", "\n");
    }

    /** One-line JSON of a point, for a sweep log. */
    public static String toJsonLine(PointResult point) {
        return write(COMPACT, point);
    }

    public static ExperimentResult experimentFromJson(String json) {
        return read(json, ExperimentResult.class);
    }

    public static PointResult pointFromJson(String json) {
        return read(json, PointResult.class);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return COMPACT.readValue(json, type);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IllegalArgumentException("bad " + type.getSimpleName() + " JSON" + where + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
