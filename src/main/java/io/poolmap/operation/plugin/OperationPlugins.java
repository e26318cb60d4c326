package io.poolmap.operation.plugin;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The operator's operation plug-ins, loaded once at start-up from {@code poolmap.plugins.dir}: every {@code *.jar} in
 * the directory (not below it), in name order, each with a class loader of its own whose parent sees only the JDK and
 * the operation API ({@link ApiClassLoader}); every {@link Operation} that a jar names in
 * {@code META-INF/services/io.poolmap.operation.Operation} is made once, through {@link ServiceLoader}, and asked for
 * its {@link OperationInfo}. A directory that does not exist, a jar that cannot be read, that names no operation or a
 * class that cannot be made or describe itself stops the start with a {@link PluginException} that names the jar
 * and the class. Plug-ins are the operator's code: trusted, not sandboxed.
 */
@Component
public class OperationPlugins implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OperationPlugins.class);
    private static final String SERVICES = "META-INF/services/" + Operation.class.getName();

    private final List<URLClassLoader> loaders = new ArrayList<>();
    private final List<PluginOperation> operations;

    public OperationPlugins(PluginProperties properties) {
        this.operations = properties.dir() == null ? List.of() : Collections.unmodifiableList(loadAll(properties.dir()));
    }

    /** The operations of every plug-in, jar by jar in name order. */
    public List<PluginOperation> operations() {
        return operations;
    }

    private List<PluginOperation> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new PluginException("poolmap.plugins.dir is " + dir.toAbsolutePath() + ", which is not a directory");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file))
                    .sorted().toList();
        } catch (IOException unreadable) {
            throw new PluginException("cannot list the plug-ins in poolmap.plugins.dir " + dir.toAbsolutePath()
                    + ": " + unreadable.getMessage(), unreadable);
        }
        ApiClassLoader api = new ApiClassLoader(OperationPlugins.class.getClassLoader());
        List<PluginOperation> found = new ArrayList<>();
        try {
            for (Path jar : jars) {
                found.addAll(load(jar.toAbsolutePath(), api));
            }
        } catch (PluginException failed) {
            close();
            throw failed;
        }
        log.info("{} plug-in operation(s) from {} jar(s) in {}", found.size(), jars.size(), dir.toAbsolutePath());
        return found;
    }

    private List<PluginOperation> load(Path jar, ApiClassLoader api) {
        checkReadable(jar);
        URLClassLoader loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {url(jar)}, api);
        loaders.add(loader);
        List<PluginOperation> found = new ArrayList<>();
        Iterator<ServiceLoader.Provider<Operation>> providers = ServiceLoader.load(Operation.class, loader).stream().iterator();
        while (true) {
            ServiceLoader.Provider<Operation> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | LinkageError broken) {
                throw new PluginException("plug-in " + jar + " names an operation that cannot be loaded: " + describe(broken), broken);
            }
            if (provider.type().getClassLoader() == loader) {
                found.add(new PluginOperation(make(jar, provider), jar));
            }
        }
        if (found.isEmpty()) {
            throw new PluginException("plug-in " + jar + " names no operation: it needs a " + SERVICES
                    + " file that lists its classes implementing " + Operation.class.getName());
        }
        for (PluginOperation operation : found) {
            log.info("operation {} from {}", operation.operation().name(), operation.origin());
        }
        return found;
    }

    /** Makes the operation and asks it to describe itself, so that a broken one fails now, not in a job. */
    private static Operation make(Path jar, ServiceLoader.Provider<Operation> provider) {
        String type = provider.type().getName();
        try {
            Operation operation = provider.get();
            OperationInfo info = operation.info();
            if (info == null) {
                throw new PluginException("plug-in " + jar + ": " + type + ".info() returned null");
            }
            if (!info.name().equals(operation.name())) {
                throw new PluginException("plug-in " + jar + ": " + type + " is named '" + operation.name()
                        + "' but its info() says '" + info.name() + "'");
            }
            return operation;
        } catch (ServiceConfigurationError | RuntimeException | LinkageError broken) {
            if (broken instanceof PluginException known) {
                throw known;
            }
            throw new PluginException("plug-in " + jar + ": " + type + " cannot be made or describe itself: "
                    + describe(broken), broken);
        }
    }

    private static void checkReadable(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            file.getManifest();
        } catch (IOException | SecurityException unreadable) {
            throw new PluginException("plug-in " + jar + " is not a readable jar: " + unreadable.getMessage(), unreadable);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException impossible) {
            throw new PluginException("plug-in " + jar + " has no URL: " + impossible.getMessage(), impossible);
        }
    }

    /** An error and its causes in one line: what a {@link ServiceConfigurationError} wraps is often the real reason. */
    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            text.append(text.isEmpty() ? "" : "; caused by ").append(cause.getClass().getSimpleName())
                    .append(cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return text.toString();
    }

    /** Closes the plug-ins' class loaders (their open jars) when poolmap stops. */
    @Override
    public void close() {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException ignored) {
                // the process is ending or the start failed; nothing else holds the jar
            }
        }
        loaders.clear();
    }
}
