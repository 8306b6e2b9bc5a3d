package fastlog.examples.model;

/** One order line. */
public record Line(String sku, int quantity, double price) {
}
