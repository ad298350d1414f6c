package org.pocketsim.hw.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Strict UTF-8 decoding of config files: a byte that is not UTF-8 is an error at its line and column. */
final class Utf8 {

    private Utf8() {
    }

    /** The text of {@code bytes}, or a {@link ConfigException} at the first byte that is not UTF-8. */
    static String decode(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            String before = new String(bytes, 0, at, StandardCharsets.UTF_8);
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - before.lastIndexOf('\n');
            throw new ConfigException(name, line, column, "", String.format(Locale.ROOT,
                    "not UTF-8 text (byte 0x%02x at offset %d); save the file as UTF-8", bytes[at] & 0xff, at));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
