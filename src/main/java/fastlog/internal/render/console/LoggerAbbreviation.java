package fastlog.internal.render.console;

/**
 * Shortens a long logger name the way Logback's {@code %logger{N}} does
 * ({@code TargetLengthBasedClassNameAbbreviator}): package segments, from the left, are cut to
 * their first character until the name fits in {@code N} chars; the last segment is never
 * cut, so a name may stay longer than {@code N}. {@code com.acme.shop.checkout.PaymentService}
 * with N = 24 is {@code c.a.s.c.PaymentService}.
 */
public final class LoggerAbbreviation {

    /** Logback's documented example width, {@code %logger{36}}. */
    public static final int DEFAULT_WIDTH = 36;

    private LoggerAbbreviation() {
    }

    public static String abbreviate(String name, int width) {
        int length = name.length();
        if (length <= width) {
            return name;
        }
        int lastDot = name.lastIndexOf('.');
        if (lastDot < 0) {
            return name;
        }
        int lastSegment = length - lastDot; // with its dot
        int leftTarget = Math.max(0, width - lastSegment);
        int maxTrim = (length - lastSegment) - leftTarget;
        StringBuilder b = new StringBuilder(length);
        int trimmed = 0;
        boolean afterDot = true;
        int i = 0;
        for (; i < lastDot; i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (trimmed >= maxTrim) {
                    break;
                }
                b.append(c);
                afterDot = true;
            } else if (afterDot) {
                b.append(c);
                afterDot = false;
            } else {
                trimmed++;
            }
        }
        return b.append(name, i, length).toString();
    }
}
