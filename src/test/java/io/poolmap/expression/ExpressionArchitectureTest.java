package io.poolmap.expression;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.OperationException;

/** What the expression engine may touch: numbers and collections, never I/O, reflection, threads or processes. */
@AnalyzeClasses(packages = "io.poolmap.expression", importOptions = ImportOption.DoNotIncludeTests.class)
class ExpressionArchitectureTest {

    @ArchTest
    static final ArchRule expressionsCanOnlyCompute = classes().that().resideInAPackage("io.poolmap.expression..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("io.poolmap.expression..", "java.math", "java.util",
                    "java.util.function", "java.util.stream", "jakarta.validation.constraints",
                    "org.springframework.boot.context.properties..", "org.springframework.validation.annotation")
                    .or(belongToAnyOf(Numbers.class, Numbers.Kind.class, OperationException.class))
                    .or(javaLangWithoutEffects()))
            .because("an expression is client input: whatever it says, the engine can only compute with numbers, "
                    + "so it must not reach files, the network, reflection, threads or processes; and like the other "
                    + "engine packages it knows nothing of HTTP");

    private static DescribedPredicate<JavaClass> javaLangWithoutEffects() {
        return DescribedPredicate.describe("java.lang without System, Runtime, Thread, "
                + "ProcessBuilder, ClassLoader or reflection", type -> type.getPackageName().equals("java.lang")
                && !type.isAssignableTo(Thread.class) && !type.isAssignableTo(ClassLoader.class)
                && !type.isEquivalentTo(System.class) && !type.isEquivalentTo(Runtime.class)
                && !type.isEquivalentTo(ProcessBuilder.class) && !type.isEquivalentTo(Class.class));
    }
}
