package org.spinecell.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Instance-wide settings under {@code spinecell.*}.
 *
 * @param dataDir where the instance writes everything (embedded database cluster, files)
 * @param demo whether to seed and show demo data
 * @param security account and token settings
 * @param api API request limits
 * @param timeZone the zone local times are printed in, on labels and reports
 */
@ConfigurationProperties("spinecell")
public record SpineCellProperties(@DefaultValue("./spinecell-data") Path dataDir, @DefaultValue("false") boolean demo,
		@DefaultValue Security security, @DefaultValue Api api, @DefaultValue("UTC") java.time.ZoneId timeZone) {

	public record Security(@DefaultValue("PT8H") Duration tokenTtl, @DefaultValue("5") int maxFailedLogins,
			@DefaultValue("PT15M") Duration lockout) {
	}

	public record Api(@DefaultValue("1048576") long maxBodyBytes) {
	}

}
