package org.pocketsim.hw.spec;

import java.util.List;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.unit.Bandwidth;
import org.pocketsim.hw.unit.DataSize;

/** Validation and interpolation of request-size -> bandwidth tables. */
public final class RateCurve {

    private RateCurve() {
    }

    /**
     * Checks a table: at least one row, request sizes strictly increasing, bandwidth never falling
     * as requests grow (larger reads amortise per-request overhead).
     */
    static List<RatePoint> validate(List<RatePoint> rows, String field) {
        if (rows == null || rows.isEmpty()) {
            throw new FieldException(field, "needs at least one row {requestSize, bandwidth}");
        }
        for (int i = 1; i < rows.size(); i++) {
            RatePoint previous = rows.get(i - 1);
            RatePoint row = rows.get(i);
            if (row.requestSize().compareTo(previous.requestSize()) <= 0) {
                throw new FieldException(field + "[" + i + "].requestSize",
                        "must be larger than the previous row's " + previous.requestSize());
            }
            if (row.bandwidth().compareTo(previous.bandwidth()) < 0) {
                throw new FieldException(field + "[" + i + "].bandwidth",
                        "must not be below the previous row's " + previous.bandwidth() + " (table must be monotone)");
            }
        }
        return List.copyOf(rows);
    }

    /**
     * Bandwidth for reads of {@code size}: linear in log2(request size) between rows, clamped to the
     * first and last rows outside the table.
     */
    public static Bandwidth at(List<RatePoint> rows, DataSize size) {
        if (size.bytes() <= rows.get(0).requestSize().bytes()) {
            return rows.get(0).bandwidth();
        }
        for (int i = 1; i < rows.size(); i++) {
            RatePoint hi = rows.get(i);
            if (size.bytes() <= hi.requestSize().bytes()) {
                RatePoint lo = rows.get(i - 1);
                double x0 = Math.log(lo.requestSize().bytes());
                double x1 = Math.log(hi.requestSize().bytes());
                double t = (Math.log(size.bytes()) - x0) / (x1 - x0);
                double y0 = lo.bandwidth().bytesPerSecond();
                double y1 = hi.bandwidth().bytesPerSecond();
                return Bandwidth.ofBytesPerSecond(y0 + t * (y1 - y0));
            }
        }
        return rows.get(rows.size() - 1).bandwidth();
    }

    static void addFacts(List<RatePoint> rows, String path, java.util.Map<String, String> out) {
        StringBuilder sb = new StringBuilder();
        for (RatePoint row : rows) {
            sb.append(sb.length() == 0 ? "" : ", ").append(row.requestSize()).append(" -> ").append(row.bandwidth());
        }
        out.put(path, sb.toString());
    }
}
