package org.spinecell;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module structure of STYLE.md, enforced. */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(SpineCellApplication.class);

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.spinecell");

	@Test
	void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
		MODULES.verify();
	}

	@Test
	void onlyRepositoriesTouchJdbcClient() {
		noClasses().that()
			.haveSimpleNameNotEndingWith("Repository")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(JdbcClient.class)
			.because("SQL lives in the owning module's repository")
			.check(CLASSES);
	}

	@Test
	void coreModulesNeverDependOnEdgeModules() {
		noClasses().that()
			.resideInAnyPackage("org.spinecell.platform..", "org.spinecell.accounts..", "org.spinecell.audit..",
					"org.spinecell.patients..", "org.spinecell.cellproducts..", "org.spinecell.procedures..",
					"org.spinecell.outcomes..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.spinecell.demo..", "org.spinecell.fhir..", "org.spinecell.analytics..",
					"org.spinecell.backup..")
			.check(CLASSES);
	}

}
