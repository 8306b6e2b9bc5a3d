package fastlog.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Redaction as README says: the default keys (ignoring case) wherever a key appears, configured
 * keys and mask, the default set turned off, and value patterns in strings, messages and
 * exception messages.
 */
class RedactionTest {

    record Login(String user, String password) {
    }

    private final Logger log = Fastlog.logger("test.redaction");

    @BeforeEach
    void level() {
        Fastlog.setLevel(Level.INFO);
    }

    @AfterEach
    void clearThreadFields() {
        ThreadFields.clear();
    }

    @AfterAll
    static void stop() {
        Fastlog.shutdown();
    }

    @Test
    void theDefaultKeysAreMaskedEverywhereIgnoringCase() {
        CapturedLog out = CapturedLog.start();
        ThreadFields.put("Cookie", "session=abc");
        Map<String, Object> headers = new HashMap<>();
        headers.put("Authorization", "Basic dXNlcjpwYXNz");
        headers.put("accept", "json");
        Loggable creds = w -> w.field("API_KEY", "k-123").field("region", "eu");
        LogContext.where("token", "t-1").run(() ->
                log.with("Secret", List.of("s")).info("login", "password", "hunter2", "headers", headers,
                        "login", new Login("ann", "pw"), "creds", creds, "body", RawJson.of("{\"passwd\":[1],\"ok\":1}"),
                        "set-cookie", Map.of("id", 1), "private_key", 42L, "apikey", 1.5));
        JsonNode line = out.only();
        for (String k : List.of("Cookie", "token", "Secret", "password", "set-cookie", "private_key", "apikey")) {
            assertEquals("****", line.get(k).asText(), k);
        }
        assertEquals("****", line.get("headers").get("Authorization").asText());
        assertEquals("json", line.get("headers").get("accept").asText());
        assertEquals("{\"user\":\"ann\",\"password\":\"****\"}", line.get("login").toString());
        assertEquals("{\"API_KEY\":\"****\",\"region\":\"eu\"}", line.get("creds").toString());
        assertEquals("{\"passwd\":\"****\",\"ok\":1}", line.get("body").toString());
        assertEquals("login", line.get("msg").asText());
    }

    @Test
    void keysAndMaskAreConfigurableAndTheDefaultsCanBeTurnedOff() {
        CapturedLog out = CapturedLog.start(c -> c.redactDefaultKeys(false).redactKeys("SSN", "card").redactionMask("[redacted]"));
        log.info("custom", "password", "visible", "ssn", "123-45-6789", "m", Map.of("Card", 4111));
        JsonNode line = out.only();
        assertEquals("visible", line.get("password").asText());
        assertEquals("[redacted]", line.get("ssn").asText());
        assertEquals("[redacted]", line.get("m").get("Card").asText());
        assertEquals(List.of(), List.copyOf(Configuration.DEFAULT_REDACTED_KEYS).stream()
                .filter(k -> !k.equals(k.toLowerCase())).toList());
    }

    @Test
    void valuePatternsApplyToStringsMessagesAndExceptionMessages() {
        CapturedLog out = CapturedLog.start(c -> c.redactValues("Bearer\\s+\\S+", "(?i)pin=\\d+"));
        Exception e = new IllegalStateException("upstream said Bearer abc.def", new RuntimeException("PIN=1234 rejected"));
        log.error("call with Bearer xyz failed", "header", "Authorization: Bearer abc.def",
                "nested", Map.of("note", List.of("pin=99 ok")), "n", 5L, "error", e);
        log.info("plain", "header", "no secret here");
        List<JsonNode> lines = out.lines();
        JsonNode line = lines.get(0);
        assertEquals("call with **** failed", line.get("msg").asText());
        assertEquals("Authorization: ****", line.get("header").asText());
        assertEquals("[\"**** ok\"]", line.get("nested").get("note").toString());
        assertEquals("upstream said ****", line.get("error").get("message").asText());
        assertEquals("**** rejected", line.get("error").get("cause").get("message").asText());
        assertEquals("no secret here", lines.get(1).get("header").asText());
    }

    @Test
    void aMaskWithRegexReplacementCharactersIsTakenLiterally() {
        CapturedLog out = CapturedLog.start(c -> c.redactValues("secret").redactionMask("$1\\x"));
        log.info("m", "v", "a secret b");
        assertEquals("a $1\\x b", out.only().get("v").asText());
    }

    @Test
    void anInvalidPatternIsRejectedByTheBuilder() {
        assertThrows(IllegalArgumentException.class, () -> Fastlog.configure().redactValues("(unclosed"));
        assertThrows(IllegalArgumentException.class, () -> Fastlog.configure().redactKeys(""));
    }

    @Test
    void patternsAlsoApplyToPatternMessages() {
        CapturedLog out = CapturedLog.start(c -> c.redactValues("Bearer\\s+\\S+"));
        log.logPattern(Level.INFO, MessageSyntax.SLF4J, "got {}", "Bearer t0k3n", null);
        assertTrue(out.only().get("msg").asText().equals("got ****"));
    }
}
