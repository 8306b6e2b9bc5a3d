package fastlog.jdk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import fastlog.api.Level;
import fastlog.api.Logger;
import fastlog.api.MessageSyntax;

/**
 * What java.util.logging's {@code Formatter.formatMessage} and the JDK's System.Logger do with a
 * message, a resource bundle and {@code {0}} parameters, split between the calling thread (bundle
 * lookup, argument capture) and fastlog's writer thread ({@link MessageSyntax#JAVA_TEXT}).
 */
final class Messages {

    private Messages() {
    }

    /**
     * {@code bundle.getString(msg)}, as JUL's formatter does, but never throws: a missing key (or
     * any failure of the bundle) leaves {@code msg}; a value that is not a String is used through
     * its {@code toString()} (JUL's formatter would fail on it).
     */
    static String localize(ResourceBundle bundle, String msg) {
        if (bundle == null || msg == null) {
            return msg;
        }
        try {
            return bundle.getString(msg);
        } catch (MissingResourceException e) {
            return msg;
        } catch (ClassCastException e) {
            try {
                Object value = bundle.getObject(msg);
                String text = value == null ? null : value.toString();
                return text == null ? msg : text;
            } catch (RuntimeException | StackOverflowError e2) {
                return msg;
            }
        } catch (RuntimeException | StackOverflowError e) {
            return msg;
        }
    }

    /**
     * Logs {@code msg} (already localized) with JUL-style parameters and an exception. Call only
     * when {@code level} is enabled. The message is formatted on the writer thread unless a
     * parameter cannot be captured exactly, which never happens for JDK value types.
     */
    static void log(Logger log, Level level, String msg, Object[] params, Throwable thrown) {
        if (params == null || params.length == 0 || msg == null || !hasIndexPlaceholder(msg)) {
            // Formatter.formatMessage returns such a message as it is.
            if (thrown == null) {
                log.log(level, msg);
            } else {
                log.logPattern(level, null, msg, (Object[]) null, thrown);
            }
            return;
        }
        Object[] args = stableNumbers(params);
        if (args == null) {
            log.logPattern(level, null, formatNow(msg, params), (Object[]) null, thrown);
        } else if (args.length == 1) {
            log.logPattern(level, MessageSyntax.JAVA_TEXT, msg, args[0], thrown);
        } else if (args.length == 2) {
            log.logPattern(level, MessageSyntax.JAVA_TEXT, msg, args[0], args[1], thrown);
        } else {
            log.logPattern(level, MessageSyntax.JAVA_TEXT, msg, args, thrown);
        }
    }

    /** Whether a '{' is followed by a digit: JUL's test for a java.text.MessageFormat pattern. */
    static boolean hasIndexPlaceholder(String pattern) {
        int fence = pattern.length() - 1;
        for (int i = pattern.indexOf('{'); i >= 0 && i < fence; i = pattern.indexOf('{', i + 1)) {
            char c = pattern.charAt(i + 1);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code params}, or a copy in which every mutable {@link Number} (AtomicInteger, LongAdder, a
     * user's Number...) is replaced by an immutable one that {@link MessageFormat} formats the same
     * way: {@code NumberFormat} formats AtomicInteger and AtomicLong through {@code longValue()} and
     * any other Number through {@code doubleValue()}. fastlog would otherwise capture such a value
     * as its {@code toString()} text, which MessageFormat prints without grouping (and refuses for
     * {@code {0,number}}). Returns null if reading a value failed: then format on the caller.
     */
    private static Object[] stableNumbers(Object[] params) {
        Object[] copy = null;
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof Number n && !isImmutableNumber(n)) {
                if (copy == null) {
                    copy = params.clone();
                }
                try {
                    copy[i] = snapshot(n);
                } catch (RuntimeException | StackOverflowError e) {
                    return null;
                }
            }
        }
        return copy != null ? copy : params;
    }

    private static boolean isImmutableNumber(Number n) {
        Class<?> c = n.getClass();
        return c == Integer.class || c == Long.class || c == Double.class || c == Float.class
                || c == Short.class || c == Byte.class || c == BigDecimal.class || c == BigInteger.class;
    }

    private static Number snapshot(Number n) {
        if (n instanceof AtomicInteger || n instanceof AtomicLong) {
            return n.longValue();
        }
        if (n instanceof BigDecimal d) {
            return new BigDecimal(d.unscaledValue(), d.scale());
        }
        if (n instanceof BigInteger b) {
            return new BigInteger(b.toByteArray());
        }
        return n.doubleValue();
    }

    /** Formatter.formatMessage after its bundle step, on the calling thread. */
    private static String formatNow(String msg, Object[] params) {
        try {
            return MessageFormat.format(msg, params);
        } catch (RuntimeException | StackOverflowError e) {
            return msg;
        }
    }
}
