/**
 * fastlog: structured JSON logging for Java 21+, built for virtual threads.
 *
 * <p>Only {@code fastlog.api} is exported; everything else is an implementation detail.
 * The module has no dependencies beyond {@code java.base}.
 */
module fastlog {
    exports fastlog.api;
}
