package dev.storefront.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The direction of dependencies written down in docs/architecture.md, checked on the compiled classes:
 * no cycle between the store's packages, the back office on top, features in the middle, and the shared
 * bottom (config, money, web helpers, audit) knowing no feature.
 */
class PackageDependenciesTest {

    private static JavaClasses store;

    @BeforeAll
    static void importTheStore() {
        store = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.storefront");
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching("dev.storefront.(*)..").namingSlices("$1").should().beFreeOfCycles().check(store);
    }

    @Test
    void layersPointDownOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Back office").definedBy("dev.storefront.admin..")
                .layer("Features").definedBy("dev.storefront.account..", "dev.storefront.cart..",
                        "dev.storefront.catalog..", "dev.storefront.checkout..", "dev.storefront.content..", "dev.storefront.fulfilment..",
                        "dev.storefront.inventory..", "dev.storefront.mail..", "dev.storefront.order..",
                        "dev.storefront.payment..", "dev.storefront.promotion..", "dev.storefront.search..")
                .layer("Shared").definedBy("dev.storefront.web..", "dev.storefront.audit..",
                        "dev.storefront.money..", "dev.storefront.config..", "dev.storefront.db..")
                .whereLayer("Back office").mayNotBeAccessedByAnyLayer()
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Back office")
                .check(store);
    }

    /**
     * A native query with a result class is never found again in Hibernate's query plan cache: each call adds a
     * plan and searches a bucket of colliding ones (it made cart views twice as slow). Read such rows with plain
     * JDBC on the transaction's connection, or with HQL.
     */
    @Test
    void noNativeQueryWithAResultClass() {
        noClasses().should().callMethod(EntityManager.class, "createNativeQuery", String.class, Class.class)
                .orShould().callMethod(Session.class, "createNativeQuery", String.class, Class.class)
                .check(store);
    }
}
