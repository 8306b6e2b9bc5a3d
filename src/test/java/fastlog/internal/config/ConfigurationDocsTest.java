package fastlog.internal.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/configuration.md has a row for every key of the table, with its property and variable. */
class ConfigurationDocsTest {

    @Test
    void everyOptionHasItsRow() throws Exception {
        String doc = Files.readString(Path.of("docs", "configuration.md"));
        for (Option<?> o : Options.ALL) {
            String row = "| `" + o.key() + "` | `" + o.propertyName() + "` | `" + o.envName() + "` |";
            assertTrue(doc.contains(row), "docs/configuration.md lacks the row starting " + row);
        }
        for (String key : new String[] {LevelOptions.GLOBAL, LevelOptions.LIST, ExternalSettings.CONFIG_KEY,
                ExternalSettings.DEBUG_KEY}) {
            String row = "| `" + key + "` | `" + Option.propertyName(key) + "` | `" + Option.envName(key) + "` |";
            assertTrue(doc.contains(row), "docs/configuration.md lacks the row starting " + row);
        }
    }
}
