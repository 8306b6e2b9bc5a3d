package jdkapp;

import java.util.logging.Filter;
import java.util.logging.LogRecord;

/** A java.util.logging Filter named in logging.properties (fastlog.jdk.FastlogHandler.filter). */
public final class DropSecrets implements Filter {

    /** LogManager calls it. */
    public DropSecrets() {
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        return record.getMessage() == null || !record.getMessage().startsWith("secret");
    }
}
