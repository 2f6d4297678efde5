package org.spinecell;

import org.spinecell.backup.BackupCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** SpineCell: registry, cell-product traceability and outcomes for regenerative spine care. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "platform")
@EnableScheduling
public class SpineCellApplication {

	public static void main(String[] args) {
		if (BackupCommand.handles(args)) {
			System.exit(BackupCommand.run(args, System.getenv(), System.out, System.err));
		}
		SpringApplication.run(SpineCellApplication.class, args);
	}

}
