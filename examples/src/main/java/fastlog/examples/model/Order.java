package fastlog.examples.model;

import java.util.List;

/** An order as the demo service logs it: a record, written as a nested JSON object. */
public record Order(long id, String currency, List<Line> lines) {
}
