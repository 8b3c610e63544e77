package dev.trellis.platform.testing.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * The house layout (docs/contributing.md, "Layers") as executable rules, shared by each module's
 * ArchitectureTest:
 * <ul>
 * <li>no cycles between the top-level packages of a module;
 * <li>a service's layers: {@code rest} → {@code service} → {@code domain}, with {@code messaging.in},
 * {@code messaging.out}, {@code persistence}, {@code config} and {@code demo} beside them, and nothing
 * reaching up;
 * <li>the application layer speaks no HTTP: it throws domain exceptions, never {@code ProblemException};
 * <li>no service uses another service's code, and nothing uses the gateway's.
 * </ul>
 */
public final class ServiceArchitecture {
    private static final List<String> SERVICES = List.of("partner", "advisory", "event", "insights", "console",
            "gateway");
    /** The packages a service's classes may live in (and their sub-packages). */
    private static final List<String> SERVICE_LAYERS = List.of("rest", "service", "domain", "persistence",
            "messaging.in", "messaging.out", "config", "demo");

    private final String root;
    private final JavaClasses classes;

    private ServiceArchitecture(String root) {
        this(root, new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root));
    }

    private ServiceArchitecture(String root, JavaClasses classes) {
        this.root = root;
        this.classes = classes;
    }

    /** The rules over classes of the caller's choosing, for the rules' own tests (fixtures are test classes). */
    public static ServiceArchitecture of(String root, JavaClasses classes) {
        return new ServiceArchitecture(root, classes);
    }

    /** @param module the package under dev.trellis, for example {@code partner} or {@code gateway} */
    public static ServiceArchitecture of(String module) {
        return new ServiceArchitecture("dev.trellis." + module);
    }

    /** The module's classes, for rules of its own (the gateway's layers). */
    public JavaClasses importedClasses() {
        return classes;
    }

    /**
     * Two top-level packages of the module never depend on each other both ways, directly or around a
     * loop. {@code messaging.in} and {@code messaging.out} count as two: a consumer drives the service
     * layer, which publishes through messaging.out, and that is no cycle.
     */
    public void noCyclesBetweenTopLevelPackages() {
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        String name = javaClass.getPackageName();
                        if (!name.startsWith(root + ".")) {
                            return SliceIdentifier.ignore();
                        }
                        String[] parts = name.substring(root.length() + 1).split("\\.");
                        boolean messaging = parts[0].equals("messaging") && parts.length > 1;
                        return SliceIdentifier.of(messaging ? parts[0] + "." + parts[1] : parts[0]);
                    }

                    @Override
                    public String getDescription() {
                        return "top-level packages of " + root + " (messaging.in and messaging.out apart)";
                    }
                })
                .should().beFreeOfCycles()
                .because("a cycle between packages hides which one is built on which")
                .check(classes);
    }

    /** Every class of a service lives in one of the house's layers. */
    public void everyClassInALayer() {
        String[] packages = SERVICE_LAYERS.stream().map(l -> root + "." + l + "..").toArray(String[]::new);
        classes().should().resideInAnyPackage(packages)
                .because("a reader should know from a path what a file does: " + SERVICE_LAYERS)
                .check(classes);
    }

    /**
     * rest → service → domain; messaging.in drives the service layer; service publishes through
     * messaging.out and queries through persistence; domain and config are used by all and use none of them.
     */
    public void layersAreRespected() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .optionalLayer("rest").definedBy(root + ".rest..")
                .optionalLayer("messaging.in").definedBy(root + ".messaging.in..")
                .optionalLayer("demo").definedBy(root + ".demo..")
                .optionalLayer("service").definedBy(root + ".service..")
                .optionalLayer("messaging.out").definedBy(root + ".messaging.out..")
                .optionalLayer("persistence").definedBy(root + ".persistence..")
                .optionalLayer("domain").definedBy(root + ".domain..")
                .optionalLayer("config").definedBy(root + ".config..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging.in").mayNotBeAccessedByAnyLayer()
                .whereLayer("demo").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest", "messaging.in", "demo")
                .whereLayer("messaging.out").mayOnlyBeAccessedByLayers("service", "demo")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("service", "messaging.in", "demo")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("rest", "messaging.in", "demo", "service",
                        "messaging.out", "persistence")
                .whereLayer("config").mayOnlyBeAccessedByLayers("rest", "messaging.in", "demo", "service",
                        "messaging.out", "persistence", "domain")
                .because("the application layer must serve a REST call, a CSV line and a Kafka consumer alike")
                .check(classes);
    }

    /** Below {@code rest}, nothing knows HTTP: errors are domain exceptions, mapped once in platform. */
    public void onlyRestSpeaksHttp() {
        noClasses().that().resideOutsideOfPackage(root + ".rest..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.trellis.platform.http.ProblemException")
                .because("the application layer throws domain exceptions (platform domain), not HTTP ones")
                .check(classes);
    }

    public void domainKnowsNoOuterLayer() {
        noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".rest..", root + ".messaging..", root + ".service..", root + ".persistence..",
                        root + ".demo..")
                .because("the domain is the heart of the service and must not depend on its delivery")
                .check(classes);
    }

    public void noOtherServicesCode() {
        String[] others = SERVICES.stream().map(s -> "dev.trellis." + s + "..")
                .filter(p -> !p.equals(root + ".."))
                .toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services learn about each other only from events")
                .check(classes);
    }

    /** Every rule a service must pass; each module's ArchitectureTest calls this or the rules one by one. */
    public void checkService() {
        noCyclesBetweenTopLevelPackages();
        everyClassInALayer();
        layersAreRespected();
        onlyRestSpeaksHttp();
        domainKnowsNoOuterLayer();
        noOtherServicesCode();
    }
}
