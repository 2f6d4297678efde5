package org.spinecell.demo;

import java.io.IOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port with the demo history seeded, on a database of its own
 * (the shared test database already has clinics, and the seeder only seeds an empty one). Seeding
 * takes about a minute, so every test class carrying this annotation, and nothing else that shapes
 * the context, shares one application context through Spring's test context cache: the same
 * properties and the same initializer make the same cache key. Such a class reads the seeded data
 * and adds only records of its own (accounts, cohorts with unique names), so that the classes hold
 * in any order.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spinecell.demo=true", "SPINECELL_ADMIN_PASSWORD=" + SeededDemo.ADMIN_PASSWORD,
				// Staff accounts the tests create sign in without a second factor, as in the demo.
				"spinecell.security.mfa=optional",
				// No mail job runs on its own while the tests read the data.
				"spinecell.mail.schedule=-" })
@ContextConfiguration(initializers = SeededDemo.OwnDataDir.class)
public @interface SeededDemo {

	/** The seeded administrator's password. */
	String ADMIN_PASSWORD = "Seeded-Demo-Tests-Password-7";

	/** Points {@code spinecell.data-dir} at a fresh directory under {@code target/test-data}, once per context. */
	final class OwnDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			try {
				Path base = Files.createDirectories(Path.of("target", "test-data"));
				Path dir = Files.createTempDirectory(base.toAbsolutePath(), "demo-");
				TestPropertyValues.of("spinecell.data-dir=" + dir).applyTo(context);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
