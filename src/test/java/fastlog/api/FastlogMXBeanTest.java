package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import javax.management.Attribute;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The MBean {@code fastlog:type=Logging} in the real platform MBean server: counters as attributes,
 * levels read and changed by an operator, the next event at the new level in the output, and gone
 * after shutdown.
 */
class FastlogMXBeanTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName name = name();

    private static ObjectName name() {
        try {
            return new ObjectName(FastlogMXBean.OBJECT_NAME);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void reset() {
        Fastlog.setLevel(Level.INFO);
        Fastlog.setLevel("jmx.app", null);
        Fastlog.shutdown();
    }

    @Test
    void notRegisteredUnlessTurnedOn() {
        CapturedLog.start();
        Fastlog.logger("jmx.off").info("x");
        assertFalse(server.isRegistered(name));
    }

    @Test
    void anOperatorReadsStatsAndChangesLevelsAtRunTime() throws Exception {
        CapturedLog out = CapturedLog.start(c -> c.jmx(true));
        assertTrue(server.isRegistered(name));
        Logger service = Fastlog.logger("jmx.app.Service");
        Logger other = Fastlog.logger("jmx.other");
        service.info("one");
        service.debug("hidden: debug is off");
        other.info("two");
        Fastlog.flush();
        assertEquals(2L, server.getAttribute(name, "EventsWritten"));
        assertEquals(Fastlog.stats().queueCapacity(), server.getAttribute(name, "QueueCapacity"));
        for (String counter : List.of("EventsDropped", "WriteErrors", "EventsLost", "EventsSampledOut")) {
            assertEquals(0L, server.getAttribute(name, counter), counter);
        }
        assertEquals("INFO", server.getAttribute(name, "Level"));
        assertEquals("INFO", server.invoke(name, "getLoggerLevel", new Object[] {"jmx.app.Service"},
                new String[] {String.class.getName()}));

        server.invoke(name, "setLoggerLevel", new Object[] {"jmx.app", "debug"},
                new String[] {String.class.getName(), String.class.getName()});
        service.debug("now visible");
        other.debug("hidden: not below jmx.app");

        FastlogMXBean proxy = JMX.newMXBeanProxy(server, name, FastlogMXBean.class);
        assertEquals("DEBUG", proxy.getLoggerLevel("jmx.app.Service"));
        assertEquals(Map.of("jmx.app", "DEBUG"), proxy.getLoggerLevels());
        assertEquals(Level.DEBUG, Fastlog.levels().get("jmx.app"));

        server.setAttribute(name, new Attribute("Level", "warn"));
        assertEquals(Level.WARN, Fastlog.level());
        other.info("hidden: global is WARN");
        other.warn("three");

        proxy.setLoggerLevel("jmx.app", "");
        assertEquals("WARN", proxy.getLoggerLevel("jmx.app.Service"), "inherits the global level again");
        service.info("hidden: inherits WARN");

        List<JsonNode> lines = out.lines();
        assertEquals(List.of("one", "two", "now visible", "three"), lines.stream().map(l -> l.get("msg").asText()).toList());
        assertEquals("DEBUG", lines.get(2).get("level").asText());
        assertEquals("jmx.app.Service", lines.get(2).get("logger").asText());
        assertEquals(4L, proxy.getEventsWritten());
    }

    @Test
    void aBadLevelIsRefusedToTheOperatorAndChangesNothing() throws Exception {
        CapturedLog.start(c -> c.jmx(true));
        RuntimeMBeanException e = assertThrows(RuntimeMBeanException.class, () -> server.invoke(name, "setLoggerLevel",
                new Object[] {"jmx.app", "verbose"}, new String[] {String.class.getName(), String.class.getName()}));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals("unknown level 'verbose' (trace, debug, info, warn, error)", e.getCause().getMessage());
        assertEquals(Map.of(), Fastlog.levels());
        FastlogMXBean proxy = JMX.newMXBeanProxy(server, name, FastlogMXBean.class);
        assertThrows(IllegalArgumentException.class, () -> proxy.setLevel("loud"));
        assertEquals(Level.INFO, Fastlog.level());
    }

    @Test
    void shutdownUnregistersAndARestartRegistersAgain() {
        CapturedLog.start(c -> c.jmx(true));
        assertTrue(server.isRegistered(name));
        Fastlog.shutdown();
        assertFalse(server.isRegistered(name));
        Fastlog.shutdown();
        CapturedLog.start(c -> c.jmx(true));
        assertTrue(server.isRegistered(name));
        Fastlog.shutdown();
        CapturedLog.start(c -> c.jmx(false));
        assertFalse(server.isRegistered(name));
    }
}
