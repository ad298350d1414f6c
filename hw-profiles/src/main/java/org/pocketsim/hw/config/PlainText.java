package org.pocketsim.hw.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Turns exception texts of libraries and the JDK into one plain line for users: no Java class
 * names, no Jackson source locations or feature names, no line breaks.
 */
public final class PlainText {

    private PlainText() {
    }

    /** One plain line for {@code message} (library text stripped); "" for null. */
    public static String of(String message) {
        if (message == null) {
            return "";
        }
        String s = message.replace('\n', ' ').replace('\r', ' ');
        // Jackson: " at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 7]"
        s = s.replaceAll("\\s*\\(?(start marker )?at \\[Source: [^\\]]*\\]\\)?", "");
        s = s.replaceAll("\\s*\\(`?StreamReadFeature\\.[A-Z_]+`? disabled\\)", "");
        s = s.replaceAll("\\bInput length = \\d+", "not UTF-8 text");
        s = s.replaceAll("\\s*\\(for POJO property '[^']*'\\)", "");
        s = s.replaceAll("\\s*\\(through reference chain: [^)]*\\)", "");
        // `java.lang.Integer` -> Integer; "java.nio.file.NoSuchFileException: x" -> "x"
        s = s.replaceAll("`(?:[a-z_][a-z0-9_]*\\.)+([A-Za-z0-9_$]+)`", "$1");
        s = s.replaceAll("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ?", "");
        s = s.replaceAll("\\[simple type, class (?:[a-z_][a-z0-9_]*\\.)*([A-Za-z0-9_$]+)\\]", "$1");
        return s.replaceAll("\\s+", " ").strip();
    }

    /** One plain line for {@code e}: for a file operation the file and what went wrong, e.g. "x: permission denied". */
    public static String of(Throwable e) {
        return describe(e, true);
    }

    /** As {@link #of(Throwable)} without the file name, e.g. "permission denied". */
    public static String reason(Throwable e) {
        return describe(e, false);
    }

    private static String describe(Throwable e, boolean withFile) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause(), withFile);
        }
        if (e instanceof FileSystemException f) {
            String reason = reasonOf(f);
            return withFile && f.getFile() != null ? f.getFile() + ": " + reason : reason;
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        String text = of(e.getMessage());
        if (text.isEmpty()) {
            return e instanceof IOException ? "input/output error" : "failed";
        }
        return text;
    }

    private static String reasonOf(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder not empty";
        }
        String reason = e.getReason();
        return reason == null ? "cannot access" : of(reason).toLowerCase(java.util.Locale.ROOT);
    }
}
