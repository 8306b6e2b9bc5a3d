package fastlog.internal.file;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The file output as set outside the code, read by the settings reader
 * ({@code fastlog.internal.config.ExternalSettings}) from its sources in its order: {@code -Dfastlog.<key>},
 * the environment variable {@code FASTLOG_<KEY>} (upper case, dots as underscores), then
 * {@code <key>=} in {@code fastlog.properties}.
 *
 * <pre>
 * fastlog.file            FASTLOG_FILE             path of the log file (no file output without it)
 * fastlog.file.max_size   FASTLOG_FILE_MAX_SIZE    rotate at this size: 1048576, 512KB, 64MB, 1GB (KB = 1024)
 * fastlog.file.daily      FASTLOG_FILE_DAILY       true (local midnight), false, or a zone: UTC, Europe/Paris
 * fastlog.file.keep       FASTLOG_FILE_KEEP        rotated files kept (default 7)
 * fastlog.file.gzip       FASTLOG_FILE_GZIP        true or false
 * fastlog.file.fsync      FASTLOG_FILE_FSYNC       never, on_close or on_flush
 * </pre>
 *
 * A bad value prints one warning on stderr and is ignored (the default holds). The keys are read
 * as one group (they make one {@link FileSpec}), not as rows of the options table.
 */
public final class FileSettings {

    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    /** The keys of the file output, as {@code fastlog.properties} spells them. */
    public static final Set<String> KEYS = Set.of("file", "file.max_size", "file.daily", "file.keep", "file.gzip",
            "file.fsync");

    private FileSettings() {
    }

    /**
     * @param lookup the value of a key such as {@code "file.max_size"}, or null
     * @return the file output, or null when no {@code file} key is set
     */
    public static FileSpec read(UnaryOperator<String> lookup, PrintStream warnings) {
        String path = lookup.apply("file");
        if (path == null || path.isBlank()) {
            return null;
        }
        FileSpec s = FileSpec.plain(Path.of(path.strip()));
        long maxBytes = s.maxBytes();
        boolean daily = s.daily();
        ZoneId zone = s.zone();
        int keep = s.keep();
        boolean gzip = s.gzip();
        boolean onClose = false;
        boolean onFlush = false;
        String v;
        if ((v = value(lookup, "file.max_size")) != null) {
            long parsed = parseSize(v);
            if (parsed < 0) {
                warn(warnings, "file.max_size", v, "a size such as 1048576, 512KB, 64MB or 1GB");
            } else {
                maxBytes = parsed;
            }
        }
        if ((v = value(lookup, "file.daily")) != null) {
            switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "local" -> daily = true;
                case "false", "none" -> daily = false;
                default -> {
                    try {
                        zone = ZoneId.of(v);
                        daily = true;
                    } catch (DateTimeException e) {
                        warn(warnings, "file.daily", v, "true, false or a time zone such as UTC");
                    }
                }
            }
        }
        if ((v = value(lookup, "file.keep")) != null) {
            try {
                int k = Integer.parseInt(v);
                if (k < 1) {
                    throw new NumberFormatException();
                }
                keep = k;
            } catch (NumberFormatException e) {
                warn(warnings, "file.keep", v, "a whole number >= 1");
            }
        }
        if ((v = value(lookup, "file.gzip")) != null) {
            switch (v.toLowerCase(Locale.ROOT)) {
                case "true" -> gzip = true;
                case "false" -> gzip = false;
                default -> warn(warnings, "file.gzip", v, "true or false");
            }
        }
        if ((v = value(lookup, "file.fsync")) != null) {
            switch (v.toLowerCase(Locale.ROOT)) {
                case "never" -> { }
                case "on_close" -> onClose = true;
                case "on_flush" -> {
                    onClose = true;
                    onFlush = true;
                }
                default -> warn(warnings, "file.fsync", v, "never, on_close or on_flush");
            }
        }
        return new FileSpec(s.file(), maxBytes, daily, zone, keep, gzip, onClose, onFlush);
    }

    private static String value(UnaryOperator<String> lookup, String key) {
        String v = lookup.apply(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Bytes in {@code 1048576}, {@code 512KB}, {@code 64MB}, {@code 1GB} (also 100B, K, M, G, any case); -1 if not a size. */
    static long parseSize(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.endsWith("K")) {
            unit = 1L << 10;
        } else if (t.endsWith("M")) {
            unit = 1L << 20;
        } else if (t.endsWith("G")) {
            unit = 1L << 30;
        }
        if (unit != 1) {
            t = t.substring(0, t.length() - 1).strip();
        }
        try {
            long n = Long.parseLong(t);
            return n < 0 || n > Long.MAX_VALUE / unit ? -1 : n * unit;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void warn(PrintStream warnings, String key, String value, String expected) {
        if (WARNED.add(key + "=" + value)) {
            warnings.println("fastlog: ignoring fastlog." + key + "='" + value + "' (expected " + expected + ")");
        }
    }
}
