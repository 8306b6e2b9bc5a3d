package fastlog.testapps;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/**
 * Child-JVM program: logs N events and ends without flush, either by {@code System.exit(0)}
 * ("exit") or by returning from main ("return"). Run by the exit tests.
 */
public final class ExitWithoutFlush {

    public static void main(String[] args) {
        int events = Integer.parseInt(args[0]);
        String how = args[1];
        Logger log = Fastlog.logger("child");
        for (int i = 0; i < events; i++) {
            log.info("event", "seq", i, "how", how);
        }
        if (how.equals("exit")) {
            System.exit(0);
        }
    }
}
