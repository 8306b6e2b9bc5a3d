package fastlog.internal.render;

import java.util.function.Function;

/**
 * The rendered line header of each logger name (for the default schema, the chunks
 * {@code {"ts":} and {@code ,"level":"INFO","logger":"auth","msg":} for each level; see
 * {@code SchemaLayout}), made once per name and kept on the writer's side, not on the logger: loggers
 * stay immutable, and many loggers made by {@code with} share one name and one entry.
 *
 * <p>Direct-mapped on {@link String#hashCode()} (cached inside each String); a hit is confirmed
 * by identity first, then by equality, so a colliding name only costs a rebuild. Memory is
 * bounded by {@value #SIZE} entries whatever the number of logger names. Consumer-role holder
 * only, like the renderer that owns it.
 */
final class LinePrefixCache {

    private static final int SIZE = 256;

    private final String[] names = new String[SIZE];
    private final byte[][][][] prefixes = new byte[SIZE][][][];
    private final Function<String, byte[][][]> make;

    /** @param make builds the header chunks of one logger name, indexed by level ordinal ({@code SchemaLayout.headers}) */
    LinePrefixCache(Function<String, byte[][][]> make) {
        this.make = make;
    }

    /** The header chunks of logger {@code name}, indexed by level ordinal, then chunk. */
    byte[][][] get(String name) {
        int slot = (name.hashCode() * 0x9E3779B9 >>> 24) & (SIZE - 1);
        String cached = names[slot];
        if (cached != name && (cached == null || !cached.equals(name))) {
            prefixes[slot] = make.apply(name);
            names[slot] = name;
        }
        return prefixes[slot];
    }
}
