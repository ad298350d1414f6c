package org.pocketsim.hw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pocketsim.hw.unit.Bandwidth;
import org.pocketsim.hw.unit.DataSize;

class YamlConfigTest {

    private static final String VALID = String.join("\n",
            "name: demo",
            "count: 3",
            "size: 12 GiB",
            "inner:",
            "  bandwidth: 60 GB/s",
            "  mode: npu",
            "rows:",
            "  - size: 4 KB",
            "    bandwidth: 450 MB/s",
            "  - size: 512 KB",
            "    bandwidth: 4 GB/s",
            "");

    private static Sample parse(String text) {
        return YamlConfig.parse(new ConfigSource("configs/x.yaml", text), Sample.class);
    }

    private static ConfigException failure(Class<?> type, String text) {
        try {
            YamlConfig.parse(new ConfigSource("configs/x.yaml", text), type);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException");
    }

    private static ConfigException failure(String text) {
        try {
            parse(text);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException");
    }

    @Test
    void bindsAValidDocumentAndDefaultsOptionalFields() {
        Sample s = parse(VALID);
        assertThat(s.name()).isEqualTo("demo");
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.size()).isEqualTo(DataSize.ofBytes(12_884_901_888L));
        assertThat(s.ratio()).isEqualTo(0.5);
        assertThat(s.inner().mode()).isEqualTo(Sample.Mode.NPU);
        assertThat(s.rows()).hasSize(2);
        assertThat(s.rows().get(1).bandwidth()).isEqualTo(Bandwidth.parse("4 GB/s"));
    }

    @Test
    void unknownKeySuggestsTheNearestValidKey() {
        ConfigException e = failure(VALID.replace("  bandwidth: 60", "  bandwith: 60"));
        assertThat(e.getMessage())
                .isEqualTo("configs/x.yaml:5:3: field 'inner.bandwith': unknown key 'bandwith'; did you mean 'bandwidth'?");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.fieldPath()).isEqualTo("inner.bandwith");
    }

    @Test
    void unknownKeyFarFromAnyValidKeyListsTheValidKeys() {
        assertThat(failure(VALID + "zzzzzz: 1\n").getMessage()).isEqualTo(
                "configs/x.yaml:12:1: field 'zzzzzz': unknown key 'zzzzzz' (valid keys: count, inner, name, ratio, rows, size)");
    }

    @Test
    void badUnitNamesFieldAndAcceptedUnits() {
        assertThat(failure(VALID.replace("12 GiB", "12 GBB")).getMessage()).isEqualTo(
                "configs/x.yaml:3:1: field 'size': unknown unit 'GBB' (accepted: B, KB, MB, GB, KiB, MiB, GiB)");
    }

    @Test
    void negativeSizeIsRejectedInsideAList() {
        assertThat(failure(VALID.replace("size: 512 KB", "size: -512 KB")).getMessage()).isEqualTo(
                "configs/x.yaml:10:5: field 'rows[1].size': negative data size '-512 KB' (must be >= 0)");
    }

    @Test
    void floatWhereIntRequiredIsRejected() {
        assertThat(failure(VALID.replace("count: 3", "count: 2.5")).getMessage())
                .isEqualTo("configs/x.yaml:2:1: field 'count': expected a whole number, got 2.5");
    }

    @Test
    void quotedNumberWhereIntRequiredIsRejected() {
        assertThat(failure(VALID.replace("count: 3", "count: '3'")).getMessage())
                .isEqualTo("configs/x.yaml:2:1: field 'count': expected a whole number, got '3'");
    }

    @Test
    void missingRequiredFieldPointsAtItsParent() {
        assertThat(failure(VALID.replace("  mode: npu\n", "")).getMessage())
                .isEqualTo("configs/x.yaml:4:1: field 'inner.mode': missing required key 'mode'");
    }

    @Test
    void missingTopLevelFieldPointsAtDocumentStart() {
        assertThat(failure(VALID.replace("count: 3\n", "")).getMessage())
                .isEqualTo("configs/x.yaml:1:1: field 'count': missing required key 'count'");
    }

    @Test
    void constructorValidationComesOutWithFileLineAndField() {
        assertThat(failure(VALID.replace("count: 3", "count: 0")).getMessage())
                .isEqualTo("configs/x.yaml:2:1: field 'count': must be > 0, got 0");
        assertThat(failure(VALID.replace("bandwidth: 4 GB/s", "bandwidth: 0 GB/s")).getMessage())
                .isEqualTo("configs/x.yaml:11:5: field 'rows[1].bandwidth': must be > 0");
    }

    @Test
    void unknownEnumValueSuggestsAndListsAcceptedValues() {
        assertThat(failure(VALID.replace("mode: npu", "mode: nup")).getMessage())
                .isEqualTo("configs/x.yaml:6:3: field 'inner.mode': unknown value 'nup'; did you mean 'npu'? (accepted: cpu, npu)");
    }

    @Test
    void explicitNullIsRejected() {
        assertThat(failure(VALID.replace("name: demo", "name:")).getMessage())
                .isEqualTo("configs/x.yaml:1:1: field 'name': must not be empty (leave optional keys out instead)");
    }

    @Test
    void duplicateKeyIsRejected() {
        assertThat(failure(VALID + "count: 4\n").getMessage())
                .isEqualTo("configs/x.yaml:12:1: field 'count': duplicate key 'count'");
    }

    @Test
    void anUnknownKindOfAPolymorphicNodeListsTheKindsAndSuggests() {
        assertThat(failure(ShapeHolder.class, "shape: {kind: circel, r: 1}\n").getMessage())
                .isEqualTo("configs/x.yaml:1:9: field 'shape.kind': unknown kind 'circel' (kinds: circle, square); "
                        + "did you mean 'circle'?");
        assertThat(failure(ShapeHolder.class, "shape: {r: 1}\n").getMessage())
                .isEqualTo("configs/x.yaml:1:1: field 'shape.kind': missing required key 'kind' (kinds: circle, square)");
    }

    @Test
    void aFileThatIsNotUtf8IsRejectedAtTheByte() throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("latin1", ".yaml");
        java.nio.file.Files.write(file, new byte[] {'a', ':', ' ', 1 + '0', '\n', 'b', ':', ' ', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> ConfigSource.ofFile(file))
                .hasMessage(file + ":2:4: not UTF-8 text (byte 0xe9 at offset 8); save the file as UTF-8");
        java.nio.file.Files.delete(file);
    }

    @Test
    void numbersOutOfRangeAndNanAreRejectedInPlainWords() {
        assertThat(failure(VALID.replace("count: 3", "count: 99999999999")).getMessage())
                .endsWith("field 'count': number 99999999999 is out of range (-2147483648 to 2147483647)");
        assertThat(failure(VALID.replace("count: 3", "count: .nan")).getMessage())
                .endsWith("field 'count': '.nan' is not a number PocketSim can use (write a finite decimal number)");
    }

    @com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME, property = "kind")
    @com.fasterxml.jackson.annotation.JsonSubTypes({
            @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Circle.class, name = "circle"),
            @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = Square.class, name = "square")})
    sealed interface Shape permits Circle, Square {
    }

    record Circle(double r) implements Shape {
    }

    record Square(double side) implements Shape {
    }

    record ShapeHolder(Shape shape) {
    }

    @Test
    void syntaxErrorAndEmptyDocumentAreReported() {
        assertThat(failure("name: [demo\n").getMessage()).startsWith("configs/x.yaml:2:");
        assertThat(failure("").getMessage()).isEqualTo("configs/x.yaml: empty document");
    }
}
