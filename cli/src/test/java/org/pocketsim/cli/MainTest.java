package org.pocketsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {

    @Test
    void helpListsTheSubcommandsAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: pocketsim").contains("profiles");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void versionPrintsTheProjectVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("pocketsim ").doesNotContain("${").doesNotContain("unknown");
    }

    @Test
    void unknownCommandIsBadInputOnOneLineWithASuggestion() {
        CliRun run = CliRun.of("profils");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("pocketsim: unknown command 'profils'; did you mean 'profiles' or 'models'? "
                + "(see 'pocketsim --help')" + System.lineSeparator());
    }

    @Test
    void missingCommandIsBadInput() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("pocketsim: missing command (see 'pocketsim --help')"
                + System.lineSeparator());
    }

    @Command(name = "boom")
    static final class Boom implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("bug");
        }
    }

    @Test
    void unexpectedExceptionIsAnInternalErrorWithExitOne() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.configure(new CommandLine(new Boom()), new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        assertThat(cl.execute()).isEqualTo(1);
        assertThat(err.toString()).startsWith("pocketsim: internal error: java.lang.IllegalStateException: bug");
    }

    @Command(name = "bad")
    static final class Bad implements Runnable {
        @Override
        public void run() {
            throw new UserInputException("--out out/x: cannot write the output folder");
        }
    }

    @Test
    void userInputExceptionIsBadInputWithoutStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.configure(new CommandLine(new Bad()), new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        assertThat(cl.execute()).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("--out out/x: cannot write the output folder" + System.lineSeparator());
    }
}
