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
 * @param timeZone the zone local times are printed in, on labels, reports and pages
 */
@ConfigurationProperties("spinecell")
public record SpineCellProperties(@DefaultValue("./spinecell-data") Path dataDir, @DefaultValue("false") boolean demo,
		@DefaultValue Security security, @DefaultValue Api api, @DefaultValue("UTC") java.time.ZoneId timeZone) {

	/**
	 * @param mfa whether staff must use a second factor ({@code required}, the default) or only those
	 * who enrolled ({@code optional}, for the demo)
	 * @param secretKey base64 of a 256-bit key encrypting MFA secrets at rest; when absent, a key file
	 * in the data dir is created on first start
	 * @param sessionIdleTimeout a browser session ends after this long without a request
	 * @param sessionAbsoluteTimeout a browser session ends this long after sign-in, however busy
	 */
	public record Security(@DefaultValue("PT8H") Duration tokenTtl, @DefaultValue("5") int maxFailedLogins,
			@DefaultValue("PT15M") Duration lockout, @DefaultValue("required") Mfa mfa, String secretKey,
			@DefaultValue("PT30M") Duration sessionIdleTimeout, @DefaultValue("PT12H") Duration sessionAbsoluteTimeout) {

		@Override
		public String toString() {
			return "Security[mfa=" + mfa + ", secretKey=" + (secretKey == null ? "none" : "(set)") + "]";
		}

	}

	public enum Mfa {

		REQUIRED, OPTIONAL

	}

	public record Api(@DefaultValue("1048576") long maxBodyBytes) {
	}

}
