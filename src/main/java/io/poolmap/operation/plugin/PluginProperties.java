package io.poolmap.operation.plugin;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the operator's operation plug-ins are, under {@code poolmap.plugins.*}.
 *
 * @param dir a directory whose {@code *.jar} files are loaded at start-up, each with a class loader of its own; every
 *        {@link io.poolmap.operation.Operation} a jar names in {@code META-INF/services/io.poolmap.operation.Operation}
 *        becomes an operation like the built-in ones. None by default: no plug-ins
 */
@ConfigurationProperties("poolmap.plugins")
public record PluginProperties(Path dir) {
}
