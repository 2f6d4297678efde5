package org.spinecell.outcomes.instruments;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinecell.platform.CurrentUser;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stores the shipped instrument definitions on start-up, so a fresh installation can record outcomes.
 * Runs before the demo seeder, which records responses.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class InstrumentStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InstrumentStartup.class);

	private final InstrumentLibrary library;

	InstrumentStartup(InstrumentLibrary library) {
		this.library = library;
	}

	@Override
	public void run(ApplicationArguments args) {
		int loaded = CurrentUser.callAsSystem(Set.of(), library::loadShipped);
		if (loaded > 0) {
			log.info("Stored {} shipped instrument definitions", loaded);
		}
	}

}
