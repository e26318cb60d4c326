package io.poolmap.operation.plugin;

import static io.poolmap.operation.plugin.PluginJars.build;
import static io.poolmap.operation.plugin.PluginJars.operation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.builtin.BuiltInOperations;
import io.poolmap.operation.registry.OperationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.StringUtils;

/**
 * Loading the operator's plug-in jars: each jar's operations, made by a class loader that sees only the JDK and the
 * operation API, join the built-in ones; anything wrong with a jar, or a name taken twice, stops the start with a
 * message naming the jar and the class.
 */
class OperationPluginsTest {

    private static final String SERVICES = "com.example.Triple\n";

    @TempDir
    Path dir;

    private OperationPlugins plugins;

    @AfterEach
    void closeTheClassLoaders() {
        if (plugins != null) {
            plugins.close();
        }
    }

    private OperationPlugins load() {
        plugins = new OperationPlugins(new PluginProperties(dir));
        return plugins;
    }

    private PluginException refusal() {
        PluginException refused = catchThrowableOfType(PluginException.class, this::load);
        assertThat(refused).as("the start is stopped").isNotNull();
        return refused;
    }

    private Path triple(String jar) throws IOException {
        return build(dir.resolve(jar), Map.of("com.example.Triple", operation("com.example.Triple", "test_triple", "x * 3")), SERVICES);
    }

    @Test
    void withoutADirectoryThereAreNoPlugins() {
        assertThat(new OperationPlugins(new PluginProperties(null)).operations()).isEmpty();
    }

    @Test
    void eachOperationOfAJarIsLoadedWithAClassLoaderOfItsOwnAndComputes() throws Exception {
        Path jar = triple("triple.jar");
        Files.writeString(dir.resolve("README.txt"), "not a jar, not loaded");

        List<PluginOperation> loaded = load().operations();

        assertThat(loaded).singleElement().satisfies(plugin -> {
            assertThat(plugin.jar()).isEqualTo(jar.toAbsolutePath());
            assertThat(plugin.origin()).isEqualTo("plug-in " + jar.toAbsolutePath() + " (com.example.Triple)");
            Operation operation = plugin.operation();
            assertThat(operation.name()).isEqualTo("test_triple");
            assertThat(operation.getClass().getClassLoader()).isNotSameAs(Operation.class.getClassLoader());
            Numbers out = Numbers.forResults(1);
            operation.apply(Numbers.ofLongs(14), 0, out);
            assertThat(out.longAt(0)).isEqualTo(42);
        });
    }

    @Test
    void pluginOperationsJoinTheBuiltInOnesInTheRegistry() throws Exception {
        triple("triple.jar");

        OperationRegistry registry = new OperationRegistry(BuiltInOperations.all(), load());

        assertThat(registry.names()).contains("square", "test_triple");
        assertThat(registry.find("test_triple").orElseThrow().info().example().results()).containsExactly(6L);
    }

    @Test
    void aPluginSeesOnlyTheJdkAndTheOperationApiNotPoolmapsLibraries() throws Exception {
        String source = operation("com.example.Leaky", "test_leaky", "x")
                .replace("return INFO;", "org.springframework.util.StringUtils.hasText(\"x\"); return INFO;");
        build(dir.resolve("leaky.jar"), Map.of("com.example.Leaky", source), "com.example.Leaky\n",
                PluginJars.locationOf(StringUtils.class));

        PluginException refused = refusal();

        assertThat(refused).hasMessageStartingWith("plug-in " + dir.resolve("leaky.jar").toAbsolutePath()
                + ": com.example.Leaky cannot be made or describe itself: NoClassDefFoundError: org/springframework/util/StringUtils");
    }

    @Test
    void aMissingDirectoryStopsTheStart() {
        plugins = null;
        PluginException refused = catchThrowableOfType(PluginException.class,
                () -> new OperationPlugins(new PluginProperties(dir.resolve("nowhere"))));

        assertThat(refused).hasMessage("poolmap.plugins.dir is " + dir.resolve("nowhere").toAbsolutePath() + ", which is not a directory");
    }

    @Test
    void aJarThatNamesNoOperationStopsTheStart() throws Exception {
        build(dir.resolve("silent.jar"), Map.of("com.example.Triple", operation("com.example.Triple", "test_triple", "x * 3")), null);

        assertThat(refusal()).hasMessage("plug-in " + dir.resolve("silent.jar").toAbsolutePath() + " names no operation: it needs a "
                + "META-INF/services/io.poolmap.operation.Operation file that lists its classes implementing io.poolmap.operation.Operation");
    }

    @Test
    void aFileThatIsNotAJarStopsTheStart() throws Exception {
        Files.writeString(dir.resolve("broken.jar"), "this is not a zip file");

        assertThat(refusal()).hasMessageStartingWith("plug-in " + dir.resolve("broken.jar").toAbsolutePath() + " is not a readable jar: ");
    }

    @Test
    void aServiceNamingAClassThatIsNotThereStopsTheStartNamingIt() throws Exception {
        build(dir.resolve("typo.jar"), Map.of("com.example.Triple", operation("com.example.Triple", "test_triple", "x * 3")),
                "com.example.Tripel\n");

        assertThat(refusal()).hasMessageStartingWith("plug-in " + dir.resolve("typo.jar").toAbsolutePath()
                + " names an operation that cannot be loaded: ").hasMessageContaining("com.example.Tripel");
    }

    @Test
    void aConstructorThatThrowsStopsTheStartNamingTheClass() throws Exception {
        String source = operation("com.example.Grumpy", "test_grumpy", "x").replace("public class Grumpy implements Operation {",
                "public class Grumpy implements Operation {\n public Grumpy() { throw new IllegalStateException(\"no licence\"); }");
        build(dir.resolve("grumpy.jar"), Map.of("com.example.Grumpy", source), "com.example.Grumpy\n");

        assertThat(refusal()).hasMessageContaining("plug-in " + dir.resolve("grumpy.jar").toAbsolutePath())
                .hasMessageContaining("com.example.Grumpy").hasMessageContaining("IllegalStateException: no licence");
    }

    @Test
    void aNameThatABuiltInOperationHasStopsTheStartNamingBoth() throws Exception {
        Path jar = build(dir.resolve("square.jar"), Map.of("com.example.Square", operation("com.example.Square", "square", "x * x")),
                "com.example.Square\n");

        PluginException clash = catchThrowableOfType(PluginException.class,
                () -> new OperationRegistry(BuiltInOperations.all(), load()));

        assertThat(clash).hasMessage("two operations are named 'square': the built-in operation "
                + "io.poolmap.operation.builtin.SquareOperation and the plug-in " + jar.toAbsolutePath() + " (com.example.Square)");
    }

    @Test
    void twoJarsWithOneNameStopTheStartNamingBothJars() throws Exception {
        Path first = triple("a-triple.jar");
        Path second = triple("b-triple.jar");

        PluginException clash = catchThrowableOfType(PluginException.class, () -> new OperationRegistry(List.of(), load()));

        assertThat(clash).hasMessage("two operations are named 'test_triple': the plug-in " + first.toAbsolutePath()
                + " (com.example.Triple) and the plug-in " + second.toAbsolutePath() + " (com.example.Triple)");
    }

    @Test
    void theNameOfExpressionJobsIsTakenByNoOperation() throws Exception {
        build(dir.resolve("expression.jar"), Map.of("com.example.Expr", operation("com.example.Expr", "expression", "x")),
                "com.example.Expr\n");

        PluginException refused = catchThrowableOfType(PluginException.class, () -> new OperationRegistry(List.of(), load()));

        assertThat(refused).hasMessageContaining("is named 'expression', the name that jobs of an expression go by");
    }

    @Test
    void theFailureAnalyzerReportsTheJarAndWhatToDo() {
        FailureAnalysis analysis = new PluginFailureAnalyzer().analyze(new IllegalStateException("wrapped",
                new PluginException("plug-in /plugins/x.jar names no operation")));

        assertThat(analysis.getDescription()).isEqualTo("plug-in /plugins/x.jar names no operation");
        assertThat(analysis.getAction()).contains("poolmap.plugins.dir");
    }
}
