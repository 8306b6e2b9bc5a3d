package fastlog.internal.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import fastlog.api.Level;

/**
 * Parsers for setting values given as text. Each returns the value or throws
 * {@link IllegalArgumentException} whose message says what was expected; the caller turns that
 * into one warning naming the source and the entry.
 */
public final class Parse {

    private Parse() {
    }

    /** The text, trimmed: any string is valid. */
    public static String text(String s) {
        return s.trim();
    }

    /** The text exactly as given (leading and trailing spaces kept): masks and patterns. */
    public static String verbatim(String s) {
        return s;
    }

    /** A whole number in int range; {@code _} may group digits ({@code 65_536}). */
    public static int integer(String s) {
        String t = s.trim().replace("_", "");
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    /** {@code true} or {@code false}, ignoring case. */
    public static boolean bool(String s) {
        String t = s.trim();
        if (t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("not true or false");
    }

    /**
     * A duration: a number with a unit, {@code ns}, {@code us}, {@code ms}, {@code s}, {@code m} or
     * {@code h} ({@code 250ms}, {@code 10s}, {@code 1.5s}), or ISO-8601 ({@code PT10S}).
     */
    public static Duration duration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 duration");
            }
        }
        int unitAt = 0;
        while (unitAt < t.length() && (Character.isDigit(t.charAt(unitAt)) || t.charAt(unitAt) == '.')) {
            unitAt++;
        }
        String number = t.substring(0, unitAt);
        String unit = t.substring(unitAt).trim();
        if (number.isEmpty()) {
            throw new IllegalArgumentException("not a duration (a number and a unit: ns, us, ms, s, m, h), e.g. 10s");
        }
        long nanosPerUnit = switch (unit) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m", "min" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "" -> throw new IllegalArgumentException("a duration needs a unit (ns, us, ms, s, m, h), e.g. 10s");
            default -> throw new IllegalArgumentException("unknown duration unit '" + unit + "' (ns, us, ms, s, m, h)");
        };
        double amount;
        try {
            amount = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration, e.g. 250ms or 10s");
        }
        double nanos = amount * nanosPerUnit;
        if (nanos >= Long.MAX_VALUE) {
            throw new IllegalArgumentException("duration too long");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /** A file path ({@code Path.of}, trimmed; relative paths are relative to the working directory). */
    public static Path path(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        try {
            return Path.of(t);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a path: " + e.getReason());
        }
    }

    /**
     * A size in bytes: a whole number with an optional unit, {@code B}, {@code KB}, {@code MB},
     * {@code GB} (powers of 1024, as Logback's {@code FileSize}; {@code KiB} etc. also accepted):
     * {@code 64MB}, {@code 512 KB}, {@code 1048576}.
     */
    public static long bytes(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT).replace("_", "");
        int unitAt = 0;
        while (unitAt < t.length() && Character.isDigit(t.charAt(unitAt))) {
            unitAt++;
        }
        if (unitAt == 0) {
            throw new IllegalArgumentException("not a size, e.g. 64MB");
        }
        long multiplier = switch (t.substring(unitAt).trim()) {
            case "", "B" -> 1L;
            case "K", "KB", "KIB" -> 1L << 10;
            case "M", "MB", "MIB" -> 1L << 20;
            case "G", "GB", "GIB" -> 1L << 30;
            default -> throw new IllegalArgumentException("unknown size unit '" + t.substring(unitAt).trim() + "' (B, KB, MB, GB)");
        };
        try {
            return Math.multiplyExact(Long.parseLong(t.substring(0, unitAt)), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("size too large");
        }
    }

    /** A comma-separated list of non-empty items, each trimmed. */
    public static List<String> list(String s) {
        List<String> items = new ArrayList<>();
        for (String part : s.split(",", -1)) {
            String item = part.trim();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty item in comma-separated list");
            }
            items.add(item);
        }
        return items;
    }

    /** {@code key=value} items, comma-separated, each trimmed (e.g. {@code team=payments,region=eu}); order kept. */
    public static java.util.Map<String, String> pairs(String s) {
        java.util.Map<String, String> pairs = new java.util.LinkedHashMap<>();
        for (String item : list(s)) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new IllegalArgumentException("expected key=value items, got '" + item + "'");
            }
            pairs.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        return pairs;
    }

    /** A comma-separated list of exactly {@code n} items. */
    public static List<String> list(String s, int n) {
        List<String> items = list(s);
        if (items.size() != n) {
            throw new IllegalArgumentException("needs " + n + " comma-separated items, got " + items.size());
        }
        return items;
    }

    /** An enum constant by name, ignoring case. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String s) {
        String t = s.trim();
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(t)) {
                return e;
            }
        }
        throw new IllegalArgumentException("not one of " + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }

    /** A level name ({@link Level#parse}): trace, debug, info, warn (or warning), error. */
    public static Level level(String s) {
        Level l = Level.parse(s);
        if (l == null) {
            throw new IllegalArgumentException("unknown level '" + s.trim() + "' (trace, debug, info, warn, error)");
        }
        return l;
    }
}
