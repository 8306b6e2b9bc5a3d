package fastlog.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** OTEL_RESOURCE_ATTRIBUTES as the OpenTelemetry SDK configuration specification reads it. */
class ResourceAttributesTest {

    @Test
    void commaSeparatedPairsTrimmedInOrder() {
        assertEquals(Map.of("service.name", "checkout", "service.version", "1.4.2"),
                ResourceAttributes.parse(" service.name = checkout ,service.version=1.4.2"));
        assertEquals("[service.name, b]", ResourceAttributes.parse("service.name=a,b=c").keySet().toString());
    }

    @Test
    void valuesArePercentDecodedAsUtf8() {
        assertEquals("prod,eu = 1 é", ResourceAttributes.parse("env=prod%2Ceu%20%3D%201%20%C3%A9").get("env"));
        assertEquals("100%", ResourceAttributes.parse("x=100%").get("x"));         // not an escape: kept
        assertEquals("%zz", ResourceAttributes.parse("x=%zz").get("x"));
        assertEquals("a=b", ResourceAttributes.parse("x=a=b").get("x"));          // only the first = splits
    }

    @Test
    void malformedPairsAreSkippedAndTheLastOfAKeyWins() {
        assertEquals(Map.of("a", "2"), ResourceAttributes.parse("novalue,=x,a=1,,a=2"));
        assertEquals(Map.of(), ResourceAttributes.parse(null));
        assertEquals(Map.of(), ResourceAttributes.parse("  "));
    }
}
