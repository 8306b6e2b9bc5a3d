package fastlog.internal.render;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The writer's side of {@link Redaction#patterns()}: replaces every match in a string value by the
 * mask. Keeps one {@link Matcher} per pattern and resets it for each string, so a string without a
 * match costs a search per pattern and allocates nothing; the same String is returned then.
 * Consumer-role holder only (not thread-safe).
 */
final class StringRedactor implements UnaryOperator<String> {

    private final Matcher[] matchers;
    private final String replacement;

    private StringRedactor(List<Pattern> patterns, String mask) {
        this.matchers = new Matcher[patterns.size()];
        for (int i = 0; i < matchers.length; i++) {
            matchers[i] = patterns.get(i).matcher("");
        }
        this.replacement = Matcher.quoteReplacement(mask);
    }

    /** The redactor for {@code r}'s patterns, or null if it has none. */
    static StringRedactor of(Redaction r) {
        return r.patterns().isEmpty() ? null : new StringRedactor(r.patterns(), r.mask());
    }

    /** {@code s} with every match of every pattern replaced (in pattern order); {@code s} itself if none matched. */
    @Override
    public String apply(String s) {
        String out = s;
        for (Matcher m : matchers) {
            m.reset(out);
            if (m.find()) {
                out = m.replaceAll(replacement);
            }
            m.reset(""); // don't keep the string alive
        }
        return out;
    }
}
