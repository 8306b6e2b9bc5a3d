/**
 * Settings from outside the code: system properties, environment variables and
 * {@code fastlog.properties}, with one precedence rule and one warning per bad entry. The table of
 * keys is {@link fastlog.internal.config.Options}; {@link fastlog.internal.config.ExternalSettings}
 * reads and resolves them; the user-facing reference is {@code docs/configuration.md}.
 */
package fastlog.internal.config;
