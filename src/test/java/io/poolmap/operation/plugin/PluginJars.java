package io.poolmap.operation.plugin;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.poolmap.operation.Operation;
import io.poolmap.testing.TestFiles;

/**
 * Builds plug-in jars in a test, as a plug-in author's build would: compiles Java sources with the JDK's compiler
 * against the operation API (and whatever else the test names), and jars the classes with a
 * {@code META-INF/services/io.poolmap.operation.Operation} file.
 */
public final class PluginJars {

    private PluginJars() {
    }

    /** Where a class was loaded from (a directory or a jar), to compile against it. */
    public static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Compiles {@code sources} (class name → source) against the operation API and {@code classpath}, and writes
     * {@code jar} with their classes and, unless {@code services} is {@code null}, that services file. The sources and
     * classes are written to a temporary directory, deleted once the jar is written (the jar is where the caller says).
     */
    public static Path build(Path jar, Map<String, String> sources, String services, Path... classpath) throws IOException {
        Path work = Files.createTempDirectory("plugin-src");
        // a resource rather than a finally block, so that a failure to delete never hides a failure to compile
        try (Closeable _ = () -> TestFiles.deleteRecursively(work)) {
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = work.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                files.add(Files.writeString(file, source.getValue()));
            }
            List<Path> path = new ArrayList<>(List.of(locationOf(Operation.class)));
            path.addAll(List.of(classpath));
            compile(files, classes, path);
            return jar(jar, classes, services);
        }
    }

    /** Compiles {@code sources} into {@code classes} against {@code classpath} and nothing else, as {@code javac --release 25}. */
    public static void compile(List<Path> sources, Path classes, List<Path> classpath) {
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()), "--release", "25"));
        sources.forEach(source -> arguments.add(source.toString()));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the plug-in's sources do not compile against " + classpath + ": " + sources);
        }
    }

    /** Jars the classes under {@code classes} with {@code services} as the services file (none when {@code null}). */
    public static Path jar(Path jar, Path classes, String services) throws IOException {
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            if (services != null) {
                out.putNextEntry(new JarEntry("META-INF/services/" + Operation.class.getName()));
                OutputStream entry = out;
                entry.write(services.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** The source of a CPU operation {@code name} in class {@code className} that computes {@code body} (a long expression in x). */
    public static String operation(String className, String name, String body) {
        int dot = className.lastIndexOf('.');
        return """
                package %s;

                import java.util.List;
                import io.poolmap.operation.*;

                public class %s implements Operation {
                    private static final OperationInfo INFO = new OperationInfo("%s", "A test plug-in.", OperationKind.CPU,
                            "any long", "none", new OperationInfo.Example(List.of(2L), List.of(%s)), 5);

                    @Override
                    public OperationInfo info() {
                        return INFO;
                    }

                    @Override
                    public void apply(Numbers in, int i, Numbers out) {
                        long x = in.longAt(i);
                        out.setLong(i, %s);
                    }
                }
                """.formatted(className.substring(0, dot), className.substring(dot + 1), name,
                body.replace("x", "2L"), body);
    }
}
