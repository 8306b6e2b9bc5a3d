package fastlog.internal.config;

import java.io.PrintStream;

/**
 * Where bad settings are reported: one line each on stderr, starting with {@code fastlog: }.
 * Reading settings never throws into the application; a bad entry is reported and ignored.
 */
final class Warnings {

    private final PrintStream out;
    private int count;

    Warnings(PrintStream out) {
        this.out = out;
    }

    /** {@code fastlog: ignoring <entry>: <reason>}. */
    void ignoring(Entry e, String reason) {
        print("ignoring " + e.describe() + ": " + reason);
    }

    /** Where the warnings go, for readers that print their own (the file output's). */
    PrintStream stream() {
        return out;
    }

    void print(String line) {
        count++;
        out.println("fastlog: " + line);
    }

    int count() {
        return count;
    }
}
