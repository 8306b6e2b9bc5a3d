package fastlog.internal.render.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The examples of Logback's manual for {@code %logger{N}}, and the edges. */
class LoggerAbbreviationTest {

    @Test
    void logbackManualExamples() {
        String name = "mainPackage.sub.sample.Bar";
        assertEquals("mainPackage.sub.sample.Bar", LoggerAbbreviation.abbreviate(name, 26));
        assertEquals("m.sub.sample.Bar", LoggerAbbreviation.abbreviate(name, 16));
        assertEquals("m.s.sample.Bar", LoggerAbbreviation.abbreviate(name, 15));
        assertEquals("m.s.s.Bar", LoggerAbbreviation.abbreviate(name, 10));
        assertEquals("m.s.s.Bar", LoggerAbbreviation.abbreviate(name, 5));
        assertEquals("m.s.s.Bar", LoggerAbbreviation.abbreviate(name, 1));
    }

    @Test
    void shortNamesAndNamesWithoutDotsStayWhole() {
        assertEquals("auth", LoggerAbbreviation.abbreviate("auth", 2));
        assertEquals("demo.http", LoggerAbbreviation.abbreviate("demo.http", 36));
        assertEquals("c.a.s.c.PaymentService", LoggerAbbreviation.abbreviate("com.acme.shop.checkout.PaymentService", 24));
    }
}
