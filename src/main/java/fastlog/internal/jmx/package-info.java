/**
 * The JMX MBean {@code fastlog:type=Logging} ({@link fastlog.api.FastlogMXBean}). Module
 * {@code java.management} is optional ({@code requires static}): only
 * {@link fastlog.internal.jmx.PlatformRegistration} touches it, and {@link fastlog.internal.jmx.Jmx}
 * loads that class only when JMX is on and the module is there.
 */
package fastlog.internal.jmx;
