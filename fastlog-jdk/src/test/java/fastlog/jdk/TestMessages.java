package fastlog.jdk;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.ResourceBundle;

/** A resource bundle for the tests (also found by name: {@code fastlog.jdk.TestMessages}). */
public final class TestMessages extends ResourceBundle {

    private static final Map<String, Object> CONTENTS = Map.of(
            "greeting", "Hello, {0}!",
            "plain", "plain text, it's {x}",
            "total", "{0} items cost {1,number,#.00}",
            "answer", 42);

    /** The thread that last looked a key up. */
    static volatile Thread lastLookup;

    @Override
    protected Object handleGetObject(String key) {
        lastLookup = Thread.currentThread();
        if ("explodes".equals(key)) {
            throw new IllegalStateException("bundle failure");
        }
        return CONTENTS.get(key);
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(CONTENTS.keySet());
    }
}
