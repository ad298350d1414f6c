package org.pocketsim.engine.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.engine.result.ResultTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataTableSpecTest {

    @TempDir
    Path dir;

    @Test
    void showsTheChosenColumnsOfTheRowsThatPassTheFilter() throws IOException {
        Files.writeString(dir.resolve("q.csv"), "method,density,gamma,ppl\ndense,1.0,,10.4\ndip,0.5,,10.9\ndip-ca,0.5,0.2,11.9\n");
        ResultTable t = new DataTableSpec("ppl", "q.csv", List.of("method", "ppl"), Map.of("density", "0.5")).read(dir);
        assertThat(t.columns()).containsExactly("method", "ppl");
        assertThat(t.rows()).containsExactly(List.of("dip", "10.9"), List.of("dip-ca", "11.9"));
        assertThat(t.title()).isEqualTo("ppl (q.csv)");
    }

    @Test
    void anUnknownColumnNamesTheFileAndItsColumns() throws IOException {
        Files.writeString(dir.resolve("q.csv"), "method,ppl\ndense,10.4\n");
        assertThatThrownBy(() -> new DataTableSpec("ppl", "q.csv", List.of("gamma"), null).read(dir))
                .hasMessageContaining("no column 'gamma'").hasMessageContaining("[method, ppl]");
    }
}
