package fastlog.internal.schema;

import java.util.Map;

/**
 * Who is logging: service name, version, environment and node (instance) name; any may be null.
 * Each preset writes them under its own names.
 *
 * <p>Taken, field by field, from the first source that has it:
 * <ol>
 *   <li>the configuration ({@code Configuration.serviceName(...)} and its siblings);</li>
 *   <li>{@code OTEL_SERVICE_NAME} (the name only);</li>
 *   <li>{@code OTEL_RESOURCE_ATTRIBUTES}: {@code service.name}, {@code service.version},
 *       {@code deployment.environment.name} (or the older {@code deployment.environment}),
 *       {@code service.instance.id};</li>
 *   <li>the Elastic APM agent's {@code ELASTIC_APM_SERVICE_NAME}, {@code ELASTIC_APM_SERVICE_VERSION},
 *       {@code ELASTIC_APM_ENVIRONMENT}, {@code ELASTIC_APM_SERVICE_NODE_NAME}.</li>
 * </ol>
 * The OpenTelemetry variables come first because the OpenTelemetry specification says
 * {@code OTEL_SERVICE_NAME} wins over {@code service.name} in the resource attributes, and an
 * application that sets both kinds most likely runs the OpenTelemetry agent.
 */
public record ServiceIdentity(String name, String version, String environment, String nodeName) {

    public static final ServiceIdentity NONE = new ServiceIdentity(null, null, null, null);

    /** The identity the environment variables in {@code env} give (see the class comment). */
    public static ServiceIdentity fromEnvironment(Map<String, String> env) {
        Map<String, String> resource = ResourceAttributes.parse(env.get("OTEL_RESOURCE_ATTRIBUTES"));
        String environment = resource.get("deployment.environment.name");
        return new ServiceIdentity(
                first(env.get("OTEL_SERVICE_NAME"), resource.get("service.name"), env.get("ELASTIC_APM_SERVICE_NAME")),
                first(resource.get("service.version"), env.get("ELASTIC_APM_SERVICE_VERSION")),
                first(environment, resource.get("deployment.environment"), env.get("ELASTIC_APM_ENVIRONMENT")),
                first(resource.get("service.instance.id"), env.get("ELASTIC_APM_SERVICE_NODE_NAME")));
    }

    /** This identity, its missing fields filled from {@code fallback}. */
    public ServiceIdentity orElse(ServiceIdentity fallback) {
        return new ServiceIdentity(first(name, fallback.name), first(version, fallback.version),
                first(environment, fallback.environment), first(nodeName, fallback.nodeName));
    }

    /** The first argument that is neither null nor blank, trimmed; or null. */
    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c.trim();
            }
        }
        return null;
    }
}
