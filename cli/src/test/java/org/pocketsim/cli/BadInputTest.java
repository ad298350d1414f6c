package org.pocketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every user error prints exactly one line on stderr, in the one error form, and exits 2 with
 * nothing on stdout and no output left behind. The cases are the lines of
 * {@code src/test/resources/bad-input/cases.txt} ({@code COMMAND LINE | EXPECTED STDERR LINE}); the
 * input files sit beside it. Add a case with one line there.
 */
class BadInputTest {

    private static final String TABLE = "/bad-input/cases.txt";

    @TempDir
    static Path dir;

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path inputs = Path.of(BadInputTest.class.getResource(TABLE).toURI()).getParent();
        try (Stream<Path> files = Files.walk(inputs)) {
            files.filter(f -> !f.equals(inputs)).forEach(f -> copy(f, dir.resolve(inputs.relativize(f).toString())));
        }
        List<Arguments> cases = new ArrayList<>();
        List<String> lines = Files.readAllLines(inputs.resolve("cases.txt"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int bar = line.indexOf(" | ");
            assertThat(bar).as("cases.txt line %d has no ' | '", i + 1).isPositive();
            cases.add(Arguments.of(i + 1, line.substring(0, bar).strip(), line.substring(bar + 3).strip()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "cases.txt:{0}: {1}")
    @MethodSource("cases")
    void badInputIsOneLineExitTwoNothingWritten(int lineNo, String commandLine, String expected) {
        Path out = dir.resolve("out-" + lineNo);
        String[] args = split(commandLine.replace("{out}", out.toString()).replace("{dir}", dir.toString()));

        CliRun run = CliRun.of(args);

        assertThat(run.err()).isEqualTo(expected.replace("{dir}", dir.toString()) + System.lineSeparator());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(out).doesNotExist();
        assertThat(Path.of("out")).as("default output folder").doesNotExist();
    }

    /** Splits at spaces; 'single quotes' keep spaces in one argument. */
    private static String[] split(String commandLine) {
        List<String> args = new ArrayList<>();
        StringBuilder arg = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : commandLine.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    args.add(arg.toString());
                }
                arg.setLength(0);
                any = false;
            } else {
                arg.append(c);
                any = true;
            }
        }
        if (any) {
            args.add(arg.toString());
        }
        return args.toArray(new String[0]);
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
