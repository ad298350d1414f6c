package org.pocketsim.hw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void jacksonSourceLocationsAndFeatureNamesAreStripped() {
        assertThat(PlainText.of("Unexpected end-of-input: expected close marker for Array (start marker at [Source: REDACTED "
                + "(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 7])\n at [Source: REDACTED "
                + "(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 11]"))
                .isEqualTo("Unexpected end-of-input: expected close marker for Array");
    }

    @Test
    void javaClassNamesAreStripped() {
        assertThat(PlainText.of("cannot create: java.nio.file.FileAlreadyExistsException: /tmp/x"))
                .isEqualTo("cannot create: /tmp/x");
        assertThat(PlainText.of("Cannot deserialize value of type `java.lang.Integer` from String"))
                .isEqualTo("Cannot deserialize value of type Integer from String");
        assertThat(PlainText.of("x.csv: Input length = 1")).isEqualTo("x.csv: not UTF-8 text");
    }

    @Test
    void fileErrorsSayWhatWentWrongWithWhichFile() {
        assertThat(PlainText.of(new NoSuchFileException("/a/b"))).isEqualTo("/a/b: no such file or folder");
        assertThat(PlainText.reason(new AccessDeniedException("/a/b"))).isEqualTo("permission denied");
        assertThat(PlainText.of(new UncheckedIOException(new FileSystemException("/a/b", null, "Not a directory"))))
                .isEqualTo("/a/b: not a directory");
        assertThat(PlainText.of(new MalformedInputException(1))).isEqualTo("not UTF-8 text");
        assertThat(PlainText.of(new IOException())).isEqualTo("input/output error");
    }
}
