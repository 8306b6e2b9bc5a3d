package fastlog.testapps;

import java.util.List;

import fastlog.api.Fastlog;
import fastlog.api.Logger;

/**
 * Child-JVM program for the configuration tests: logs at several levels from several loggers, a
 * long string and a secret, with whatever the JVM's system properties, environment and class path
 * configure. With argument {@code code} it first sets maxStringLength(12) in code. Reports the
 * effective global level and the configured per-logger levels on stderr.
 */
public final class ConfiguredApp {

    public static void main(String[] args) {
        if (List.of(args).contains("code")) {
            Fastlog.configure().maxStringLength(16).apply();
        }
        Logger db = Fastlog.logger("com.acme.db.Pool");
        Logger web = Fastlog.logger("com.acme.web");
        Logger corp = Fastlog.logger("com.acmecorp");
        Logger sql = Fastlog.logger("org.hibernate.SQL");
        db.trace("db trace");
        db.debug("db debug");
        web.debug("web debug");
        web.info("web info");
        corp.info("corp info");
        corp.warn("corp warn");
        sql.warn("sql warn");
        sql.error("sql error");
        corp.error("long", "text", "z".repeat(100), "ssn", "123-45-6789");
        Fastlog.flush();
        System.err.println("CHILD level=" + Fastlog.level() + " levels=" + Fastlog.levels().toString().replace(" ", ""));
        Fastlog.shutdown();
    }
}
