package dev.trellis.platform.testing.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * The house layout (docs style: one package shape per service) as executable rules, shared by each
 * service's ArchitectureTest:
 * <ul>
 * <li>{@code domain} imports nothing from {@code rest}, {@code messaging}, {@code service} or {@code config};
 * <li>{@code rest} and {@code messaging} do not use each other;
 * <li>no service uses another service's code, and nothing uses the gateway's.
 * </ul>
 */
public final class ServiceArchitecture {
    private static final List<String> SERVICES = List.of("partner", "advisory", "event", "gateway");

    private final String root;
    private final JavaClasses classes;

    private ServiceArchitecture(String root) {
        this.root = root;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** @param service the package under dev.trellis, for example {@code partner} */
    public static ServiceArchitecture of(String service) {
        return new ServiceArchitecture("dev.trellis." + service);
    }

    public void domainKnowsNoOuterLayer() {
        noClasses().that().resideInAPackage(root + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        root + ".rest..", root + ".messaging..", root + ".service..", root + ".config..")
                .because("the domain is the heart of the service and must not depend on its delivery")
                .check(classes);
    }

    public void restAndMessagingStayApart() {
        noClasses().that().resideInAPackage(root + ".rest..")
                .should().dependOnClassesThat().resideInAPackage(root + ".messaging..")
                .check(classes);
        noClasses().that().resideInAPackage(root + ".messaging..")
                .should().dependOnClassesThat().resideInAPackage(root + ".rest..")
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
}
