package io.github.geodispatch;
import io.github.geodispatch.archfixture.LeakyApi;
import io.github.geodispatch.spi.JobEvent;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walls around the API: what {@code module-info} exports names none of the libraries behind it, and
 * dependencies point one way, SPI to engines to the front door. The last test plants a violation to show the
 * signature rule can fail.
 */
class ArchitectureTest {
    /** Libraries that stay behind our own types. */
    static final List<String> HIDDEN_LIBRARIES = List.of("org.optaplanner", "com.uber.h3core", "org.locationtech.jts",
            "com.fasterxml.jackson", "org.pcollections");
    static final String BASE = "io.github.geodispatch";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(BASE);

    /** The packages engine-core's module-info exports, read from the compiled descriptor beside its classes. */
    static Set<String> exportedPackages() throws IOException, URISyntaxException {
        Path classes = Path.of(GeoDispatch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in).exports().stream().map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    /**
     * Public types of {@code exported} packages must not name a hidden library or one of our internal packages in
     * anything a caller sees: supertypes, public or protected fields, constructors and methods (generic arguments
     * and thrown types included).
     */
    static ArchRule exportedSignaturesHideInternals(Set<String> exported) {
        DescribedPredicate<JavaClass> inExportedPackage = DescribedPredicate.describe("in an exported package",
                c -> exported.contains(c.getPackageName()));
        return classes().that(inExportedPackage).and().arePublic()
                .should(new ArchCondition<>("name no hidden library or internal type in their API") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        List<String> leaks = new ArrayList<>();
                        type.getRawSuperclass().ifPresent(s -> leak(type.getName() + " extends", s, leaks));
                        type.getRawInterfaces().forEach(i -> leak(type.getName() + " implements", i, leaks));
                        for (JavaField f : type.getFields()) {
                            if (visible(f.getModifiers())) {
                                involved(f.getType()).forEach(t -> leak(f.getFullName(), t, leaks));
                            }
                        }
                        for (JavaCodeUnit unit : type.getCodeUnits()) {
                            if (!visible(unit.getModifiers())) {
                                continue;
                            }
                            Stream.concat(Stream.of(unit.getReturnType()), unit.getParameterTypes().stream())
                                    .flatMap(t -> involved(t).stream()).forEach(t -> leak(unit.getFullName(), t, leaks));
                            unit.getThrowsClause().getTypes().forEach(t -> leak(unit.getFullName() + " throws", t, leaks));
                        }
                        leaks.forEach(l -> events.add(SimpleConditionEvent.violated(type, l)));
                    }
                });
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static Set<JavaClass> involved(JavaType type) {
        return type.getAllInvolvedRawTypes();
    }

    private static void leak(String where, JavaClass type, List<String> leaks) {
        String name = type.getName();
        boolean library = HIDDEN_LIBRARIES.stream().anyMatch(name::startsWith);
        boolean internal = type.getPackageName().startsWith(BASE) && type.getPackageName().contains(".internal");
        if (library || internal) {
            leaks.add(where + " names " + name);
        }
    }

    @Test
    void exportedSignaturesNameNoLibraryBehindTheApiAndNoInternalType() throws IOException, URISyntaxException {
        exportedSignaturesHideInternals(exportedPackages()).check(MAIN);
    }

    @Test
    void everyPackageIsExportedOrInternal() throws IOException, URISyntaxException {
        Set<String> exported = exportedPackages();
        Set<String> unaccounted = MAIN.stream().map(JavaClass::getPackageName)
                .filter(p -> p.startsWith(BASE) && !p.startsWith(BASE + ".spi") && !p.contains(".internal"))
                .filter(p -> !exported.contains(p)).collect(Collectors.toSet());
        assertThat(unaccounted).as("packages neither exported nor internal").isEmpty();
    }

    @Test
    void theSpiDependsOnNothingButTheJdk() {
        // the SPI artifact itself, not its test-jar (whose contract tests share the package)
        JavaClasses spi = new ClassFileImporter().importUrl(JobEvent.class.getProtectionDomain().getCodeSource().getLocation());
        classes().that().resideInAPackage(BASE + ".spi")
                .should().onlyDependOnClassesThat().resideInAnyPackage(BASE + ".spi", "java..")
                .check(spi);
    }

    @Test
    void enginesNeverReachTheFrontDoor() {
        noClasses().that().resideInAPackage(BASE + ".(*)..").and().resideOutsideOfPackage(BASE + ".internal..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE, BASE + ".internal..")
                .check(MAIN);
    }

    @Test
    void engineCapabilitiesDoNotDependOnEachOtherInCycles() {
        SlicesRuleDefinition.slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theSignatureRuleFailsOnAPlantedLeak() {
        JavaClasses planted = new ClassFileImporter().importClasses(LeakyApi.class);
        EvaluationResult result = exportedSignaturesHideInternals(Set.of(LeakyApi.class.getPackageName()))
                .evaluate(planted);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(d -> assertThat(d)
                .contains("LeakyApi.outline()").contains("org.locationtech.jts.geom.Geometry"));
    }
}
