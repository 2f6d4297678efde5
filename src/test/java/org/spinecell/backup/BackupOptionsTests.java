package org.spinecell.backup;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackupOptionsTests {

	@Test
	void theFileMayFollowTheFlagOrBeJoinedToIt() {
		assertThat(BackupOptions.parse(new String[] { "backup", "--to", "a.zip" }, Map.of()).file())
			.isEqualTo(Path.of("a.zip"));
		assertThat(BackupOptions.parse(new String[] { "restore", "--from=b.zip", "--force" }, Map.of()))
			.extracting(BackupOptions::file, BackupOptions::force)
			.containsExactly(Path.of("b.zip"), true);
	}

	@Test
	void theDataDirComesFromTheArgumentThenTheEnvironmentThenTheDefault() {
		String[] plain = { "backup", "--to", "a.zip" };
		assertThat(BackupOptions.parse(plain, Map.of()).dataDir()).isEqualTo(Path.of("./spinecell-data"));
		assertThat(BackupOptions.parse(plain, Map.of("SPINECELL_DATADIR", "/srv/sc")).dataDir())
			.isEqualTo(Path.of("/srv/sc"));
		assertThat(BackupOptions
			.parse(new String[] { "backup", "--to", "a.zip", "--spinecell.data-dir=/opt/sc" },
					Map.of("SPINECELL_DATADIR", "/srv/sc"))
			.dataDir()).isEqualTo(Path.of("/opt/sc"));
	}

	@Test
	void anExternalDatabaseIsSeenInTheArgumentsOrTheEnvironment() {
		String[] plain = { "backup", "--to", "a.zip" };
		assertThat(BackupOptions.parse(plain, Map.of()).externalDatabase()).isFalse();
		assertThat(BackupOptions.parse(plain, Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/sc"))
			.externalDatabase()).isTrue();
		assertThat(BackupOptions
			.parse(new String[] { "backup", "--to", "a.zip", "--spring.datasource.url=jdbc:postgresql://db/sc" }, Map.of())
			.externalDatabase()).isTrue();
	}

	@Test
	void aMissingFileOrAStrayArgumentIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> BackupOptions.parse(new String[] { "backup" }, Map.of()))
			.withMessage("backup needs --to FILE");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BackupOptions.parse(new String[] { "restore", "--to", "a.zip" }, Map.of()))
			.withMessage("unexpected argument a.zip");
	}

	@Test
	void schemaVersionsCompareByNumberNotByText() {
		assertThat(SchemaVersions.compare(new int[] { 10 }, new int[] { 9 })).isPositive();
		assertThat(SchemaVersions.compare(new int[] { 1, 10 }, new int[] { 1, 9 })).isPositive();
		assertThat(SchemaVersions.compare(new int[] { 2 }, new int[] { 2, 0 })).isZero();
	}

	@Test
	void aBackupFromANewerSchemaIsRefusedAndAnOlderOneAccepted() throws Exception {
		assertThat(SchemaVersions.newerThanThisApplication("999").orElseThrow()).contains("newer than this SpineCell");
		assertThat(SchemaVersions.newerThanThisApplication("1")).isEmpty();
		assertThat(SchemaVersions.newerThanThisApplication(null)).isEmpty();
	}

}
