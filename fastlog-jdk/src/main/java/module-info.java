/**
 * java.util.logging and {@link java.lang.System.Logger} through fastlog.
 *
 * <ul>
 *   <li>{@link fastlog.jdk.FastlogLoggerFinder}: with this module present (module path or class
 *       path), {@code System.getLogger(name)} — the JDK's own loggers included — logs through
 *       fastlog. Nothing to call.</li>
 *   <li>{@link fastlog.jdk.FastlogHandler}: a {@code java.util.logging.Handler}, usable from
 *       {@code logging.properties} ({@code handlers=fastlog.jdk.FastlogHandler}).</li>
 *   <li>{@link fastlog.jdk.FastlogJul#install()}: routes every java.util.logging logger to fastlog
 *       and keeps JUL's levels equal to fastlog's, so a disabled JUL call costs JUL's own level
 *       check and nothing more.</li>
 * </ul>
 */
module fastlog.jdk {
    requires fastlog;
    // Transitive: FastlogHandler's public signatures use java.util.logging types.
    requires transitive java.logging;

    // Exported: LogManager instantiates FastlogHandler reflectively (logging.properties), and
    // applications call FastlogJul.
    exports fastlog.jdk;

    provides java.lang.System.LoggerFinder with fastlog.jdk.FastlogLoggerFinder;
}
