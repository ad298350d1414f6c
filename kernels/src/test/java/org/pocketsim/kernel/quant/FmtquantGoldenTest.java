package org.pocketsim.kernel.quant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pocketsim.kernel.format.FormatRegistry;

/**
 * Pins the values that tools/trace-capture/fmtquant.py must reproduce: the golden file holds
 * the Java round trips of a fixed 2 x 160 input per format; this test checks that the Java
 * formats still produce exactly those values (run with {@code -Dpocketsim.writeGolden=true} to
 * rewrite the file after a deliberate change), and tests/test_fmtquant.py checks PyTorch.
 */
class FmtquantGoldenTest {
    static final Path GOLDEN = Path.of("..", "tools", "trace-capture", "tests", "fmtquant_golden.json");
    static final List<String> FORMATS = List.of("int8", "int4", "fp8-e4m3", "fp8-e5m2", "mxfp8", "mxfp8-e5m2",
            "mxfp6-e2m3", "mxfp4", "mxint8", "int4-g128", "nf4");
    static final int ROWS = 2;
    static final int COLS = 160;

    /** The input: mixed signs and magnitudes over 2^-5 .. 2^5, a zero, a tie, and one outlier per row. */
    static float[] input() {
        float[] x = new float[ROWS * COLS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (((i * 7919L) % 2001 - 1000) / 1000.0 * Math.scalb(1.0, i % 11 - 5));
        }
        x[3] = 0f;
        x[40] = 37.5f;
        x[COLS + 100] = -300f;
        return x;
    }

    static String json() {
        float[] x = input();
        StringBuilder sb = new StringBuilder("{\n  \"rows\": " + ROWS + ",\n  \"cols\": " + COLS + ",\n  \"input\": ");
        append(sb, x);
        for (String f : FORMATS) {
            sb.append(",\n  \"").append(f).append("\": ");
            append(sb, FormatAccuracyStudy.roundTrip(FormatRegistry.get(f), x, ROWS, COLS));
        }
        return sb.append("\n}\n").toString();
    }

    private static void append(StringBuilder sb, float[] v) {
        sb.append('[');
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(Float.toString(v[i]));
        }
        sb.append(']');
    }

    @Test
    void javaFormatsStillProduceTheGoldenValuesPythonIsCheckedAgainst() throws IOException {
        String ours = json();
        if (Boolean.getBoolean("pocketsim.writeGolden")) {
            Files.writeString(GOLDEN, ours, StandardCharsets.UTF_8);
        }
        String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);
        assertThat(golden).isEqualTo(ours);
        Matcher m = Pattern.compile("\"nf4\": \\[([^]]*)]").matcher(golden);
        assertThat(m.find()).isTrue();
    }
}
