package fastlog.internal.jmx;

import java.lang.management.ManagementFactory;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import fastlog.api.FastlogMXBean;

/** The only class that uses {@code java.management}; loaded by {@link Jmx} only when it is there. */
final class PlatformRegistration {

    private PlatformRegistration() {
    }

    static void register() throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        server.registerMBean(new LoggingMBean(), new ObjectName(FastlogMXBean.OBJECT_NAME));
    }

    static void unregister() throws JMException {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(FastlogMXBean.OBJECT_NAME));
        } catch (InstanceNotFoundException alreadyGone) {
            // someone else unregistered it: nothing left to do
        }
    }
}
