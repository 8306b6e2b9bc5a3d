package fastlog.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which environment variable gives which part of the identity, and which wins. */
class ServiceIdentityTest {

    @Test
    void otelServiceNameWinsOverTheResourceAttributesWhichWinOverElastic() {
        Map<String, String> env = Map.of(
                "OTEL_SERVICE_NAME", "a",
                "OTEL_RESOURCE_ATTRIBUTES", "service.name=b,service.version=2,deployment.environment=old,service.instance.id=i-1",
                "ELASTIC_APM_SERVICE_NAME", "c", "ELASTIC_APM_SERVICE_VERSION", "3",
                "ELASTIC_APM_ENVIRONMENT", "e", "ELASTIC_APM_SERVICE_NODE_NAME", "n");
        assertEquals(new ServiceIdentity("a", "2", "old", "i-1"), ServiceIdentity.fromEnvironment(env));
    }

    @Test
    void theNewEnvironmentAttributeWinsOverTheOldOne() {
        assertEquals("new", ServiceIdentity.fromEnvironment(Map.of("OTEL_RESOURCE_ATTRIBUTES",
                "deployment.environment=old,deployment.environment.name=new")).environment());
    }

    @Test
    void elasticFillsWhatOpenTelemetryLeavesOut() {
        Map<String, String> env = Map.of("OTEL_SERVICE_NAME", " ", "ELASTIC_APM_SERVICE_NAME", "c",
                "ELASTIC_APM_SERVICE_VERSION", "3", "ELASTIC_APM_ENVIRONMENT", "e", "ELASTIC_APM_SERVICE_NODE_NAME", "n");
        assertEquals(new ServiceIdentity("c", "3", "e", "n"), ServiceIdentity.fromEnvironment(env));
        assertEquals(ServiceIdentity.NONE, ServiceIdentity.fromEnvironment(Map.of()));
    }

    @Test
    void configuredFieldsWinFieldByField() {
        ServiceIdentity configured = new ServiceIdentity("x", null, null, "node");
        assertEquals(new ServiceIdentity("x", "2", "prod", "node"),
                configured.orElse(new ServiceIdentity("y", "2", "prod", "other")));
    }
}
