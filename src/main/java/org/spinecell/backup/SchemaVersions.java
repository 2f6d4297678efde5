package org.spinecell.backup;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The schema versions this build of SpineCell knows, from its own Flyway migrations. */
final class SchemaVersions {

	private static final Pattern MIGRATION = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");

	private SchemaVersions() {
	}

	/**
	 * A refusal when a backup's schema is newer than any migration of this build: the application
	 * could not start on it (Flyway validation fails), so such a backup needs a newer SpineCell.
	 */
	static Optional<String> newerThanThisApplication(String backupVersion) throws IOException {
		if (backupVersion == null) {
			return Optional.empty();
		}
		int[] latest = latest();
		if (compare(parse(backupVersion), latest) > 0) {
			return Optional.of("The backup has schema version " + backupVersion
					+ ", newer than this SpineCell knows; restore it with the version that made it or a newer one");
		}
		return Optional.empty();
	}

	private static int[] latest() throws IOException {
		int[] latest = new int[0];
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*.sql")) {
			Matcher matcher = MIGRATION.matcher(String.valueOf(resource.getFilename()));
			if (matcher.matches() && compare(parse(matcher.group(1)), latest) > 0) {
				latest = parse(matcher.group(1));
			}
		}
		return latest;
	}

	private static int[] parse(String version) {
		return Arrays.stream(version.split("[._]")).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
	}

	static int compare(int[] a, int[] b) {
		for (int i = 0; i < Math.max(a.length, b.length); i++) {
			int x = i < a.length ? a[i] : 0;
			int y = i < b.length ? b[i] : 0;
			if (x != y) {
				return Integer.compare(x, y);
			}
		}
		return 0;
	}

}
