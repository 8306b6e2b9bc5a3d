/**
 * The console format's own pieces: which format and whether colours ({@link
 * fastlog.internal.render.console.FormatChoice}, decided once when the pipeline is built), text
 * escaping that keeps every event on its lines and out of the terminal's control
 * ({@link fastlog.internal.render.console.ConsoleText}), local time, logger abbreviation, ANSI
 * styles and stack traces. {@code fastlog.internal.render.ConsoleRenderer} puts them together;
 * like every renderer, only the consumer-role holder uses them.
 */
package fastlog.internal.render.console;
