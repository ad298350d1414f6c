package org.pocketsim.workload.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.workload.trace.TraceException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelTraceCsvTest {

    @TempDir
    Path tmp;

    private static final KernelTrace SMALL = new KernelTrace("llama.cpp build 1307 (cb07976)", "m.gguf", "here", "MIT", List.of(
            new KernelNode(0, 0, 1, "GET_ROWS", 4096, 1, 1, 0, "", "fp32", 4, 0.014),
            new KernelNode(0, 1, 1, "MUL_MAT", 4096, 1, 1, 4096, "q4_0", "q8_0", 4, 0.428),
            new KernelNode(1, 0, 1, "ADD", 4096, 1, 1, 0, "", "fp32", 4, Double.NaN)));

    @Test
    void writesAndReadsTheSameTraceWithUnknownTimes() {
        Path file = tmp.resolve("t.csv");
        KernelTraceCsv.write(SMALL, file);
        KernelTrace back = KernelTraceCsv.read(file);
        assertThat(back).isEqualTo(SMALL);
        assertThat(back.nodes().get(2).measuredMs()).isNaN();
    }

    @Test
    void badRowsAreErrorsWithTheirLine() throws IOException {
        Path file = tmp.resolve("t.csv");
        KernelTraceCsv.write(SMALL, file);
        String text = Files.readString(file);
        Files.writeString(file, text.replace("0,1,1,MUL_MAT", "0,1,1,MUL_MATT"));
        assertThatThrownBy(() -> KernelTraceCsv.read(file)).isInstanceOf(TraceException.class)
                .hasMessageStartingWith(file + ":8: kernel node 0/1: unknown op 'MUL_MATT'");
        Files.writeString(file, text.replace(",0.428", ",fast"));
        assertThatThrownBy(() -> KernelTraceCsv.read(file)).hasMessage(file + ":8: not a number: \"fast\"");
        Files.writeString(file, text.replace("0,1,1,MUL_MAT", "0,2,1,MUL_MAT"));
        assertThatThrownBy(() -> KernelTraceCsv.read(file))
                .hasMessage(file + ":8: node 0/2 does not follow 0/0 (graphs ascend, nodes count from 0)");
        Files.writeString(file, text.replace("# model:", "# modle:"));
        assertThatThrownBy(() -> KernelTraceCsv.read(file))
                .hasMessage(file + ":3: unknown metadata key 'modle' (known: engine, model, origin, licence)");
    }
}
