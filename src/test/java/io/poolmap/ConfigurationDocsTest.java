package io.poolmap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.poolmap.cluster.ClusterProperties;
import io.poolmap.expression.ExpressionLimits;
import io.poolmap.operation.builtin.OperationLimits;
import io.poolmap.operation.plugin.PluginProperties;
import io.poolmap.security.AccessProperties;
import io.poolmap.store.StoreProperties;
import io.poolmap.web.RequestLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each default has one source, its record's {@code @DefaultValue}; {@code docs/configuration.md} documents them. This
 * checks both ways against what the application binds from its own {@code application.yaml}: every property of the
 * configuration metadata is in the table, every row is a real property, and the table's defaults bind to the same
 * values as the application's.
 */
class ConfigurationDocsTest {

    private static final Pattern ROW = Pattern.compile("(?m)^\\| `(poolmap\\.[a-z.-]+)` \\| (`([^`]*)`|none) \\|");

    private static final Map<String, Class<?>> RECORDS = Map.ofEntries(
            Map.entry("poolmap", PoolmapProperties.class),
            Map.entry("poolmap.request", RequestLimits.class),
            Map.entry("poolmap.security", AccessProperties.class),
            Map.entry("poolmap.operations", OperationLimits.class),
            Map.entry("poolmap.memory", MemoryProperties.class),
            Map.entry("poolmap.expressions", ExpressionLimits.class),
            Map.entry("poolmap.store", StoreProperties.class),
            Map.entry("poolmap.cluster", ClusterProperties.class),
            Map.entry("poolmap.plugins", PluginProperties.class));

    private static Map<String, String> documentedDefaults() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(Files.readString(Path.of("docs/configuration.md")));
        while (row.find()) {
            rows.put(row.group(1), row.group(3));
        }
        return rows;
    }

    private static Set<String> metadataProperties() throws IOException {
        JsonNode metadata = JsonMapper.builder().build().readTree(
                new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream());
        Set<String> names = new TreeSet<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asString();
            if (name.startsWith("poolmap.")) {
                names.add(name);
            }
        }
        return names;
    }

    /** What the application binds: its own application.yaml, nothing else set. */
    private static Binder applicationBinder() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        for (var source : new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))) {
            environment.getPropertySources().addLast(source);
        }
        return new Binder(ConfigurationPropertySources.get(environment));
    }

    @Test
    void everyPropertyIsDocumentedAndEveryDocumentedPropertyExists() throws IOException {
        assertThat(documentedDefaults().keySet()).containsExactlyInAnyOrderElementsOf(metadataProperties());
    }

    @Test
    void theDocumentedDefaultsAreTheOnesTheApplicationBinds() throws IOException {
        Map<String, String> documented = documentedDefaults();
        Binder application = applicationBinder();
        for (Map.Entry<String, Class<?>> record : RECORDS.entrySet()) {
            Map<String, String> rows = new LinkedHashMap<>();
            documented.forEach((name, value) -> {
                String prefix = record.getKey() + ".";
                if (name.startsWith(prefix) && !name.substring(prefix.length()).contains(".") && value != null) {
                    rows.put(name, value);
                }
            });
            Object fromDocs = new Binder(new MapConfigurationPropertySource(rows)).bindOrCreate(record.getKey(), record.getValue());
            Object bound = application.bindOrCreate(record.getKey(), record.getValue());
            assertThat(fromDocs).as("%s as documented vs as bound", record.getKey()).isEqualTo(bound);
        }
    }

    @Test
    void listsDocumentedAsNoneBindEmpty() throws IOException {
        AccessProperties access = applicationBinder().bindOrCreate("poolmap.security", AccessProperties.class);
        assertThat(access.apiKeys()).isEqualTo(List.of());
        assertThat(documentedDefaults()).containsEntry("poolmap.security.api-keys", null);
        assertThat(applicationBinder().bindOrCreate("poolmap.plugins", PluginProperties.class).dir()).isNull();
        assertThat(documentedDefaults()).containsEntry("poolmap.plugins.dir", null);
    }
}
