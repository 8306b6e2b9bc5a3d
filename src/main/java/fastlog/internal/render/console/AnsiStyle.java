package fastlog.internal.render.console;

import java.nio.charset.StandardCharsets;

import fastlog.internal.level.Levels;

/**
 * The ANSI SGR sequences of the console format, and what is coloured: the level (TRACE magenta,
 * DEBUG blue, INFO green, WARN yellow, ERROR bold red, the usual mapping of Logback's
 * {@code %highlight}, Spring Boot and zerolog give or take a hue), the time faint, the logger
 * cyan, field keys faint. Each styled span ends with a full reset, so a line never leaks a style
 * into the next. Without colour every sequence is empty.
 */
public final class AnsiStyle {

    private static final byte[] NONE = new byte[0];
    private static final String[] LEVEL_SGR = {"35", "34", "32", "33", "1;31"};

    private final byte[][] level = new byte[Levels.COUNT][];
    private final byte[] faint;
    private final byte[] logger;
    private final byte[] reset;

    public AnsiStyle(boolean color) {
        for (int i = 0; i < Levels.COUNT; i++) {
            level[i] = color ? sgr(LEVEL_SGR[i]) : NONE;
        }
        this.faint = color ? sgr("2") : NONE;
        this.logger = color ? sgr("36") : NONE;
        this.reset = color ? sgr("0") : NONE;
    }

    private static byte[] sgr(String parameters) {
        return ("\u001b[" + parameters + "m").getBytes(StandardCharsets.US_ASCII);
    }

    public byte[] level(int ordinal) {
        return level[ordinal];
    }

    public byte[] faint() {
        return faint;
    }

    public byte[] logger() {
        return logger;
    }

    public byte[] reset() {
        return reset;
    }
}
