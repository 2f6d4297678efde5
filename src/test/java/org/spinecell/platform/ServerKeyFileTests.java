package org.spinecell.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The one place server keys are persisted: owner-only, created once, refused when damaged. */
class ServerKeyFileTests {

	@Test
	void aMissingKeyFileIsCreatedOwnerOnlyWithBase64OfTheKey(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("nested").resolve("some.key");
		byte[] key = ServerKeyFile.loadOrCreate(file, 32);
		assertThat(key).hasSize(32).isNotEqualTo(new byte[32]);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).isEqualTo(key);
		try (var left = Files.list(file.getParent())) {
			assertThat(left).as("no temporary file left behind").containsExactly(file);
		}
	}

	@Test
	void aSecondLoadReturnsTheSameKeyAndAnotherFileAnotherKey(@TempDir Path dir) {
		byte[] first = ServerKeyFile.loadOrCreate(dir.resolve("a.key"), 32);
		assertThat(ServerKeyFile.loadOrCreate(dir.resolve("a.key"), 32)).isEqualTo(first);
		assertThat(ServerKeyFile.loadOrCreate(dir.resolve("b.key"), 32)).isNotEqualTo(first);
	}

	@Test
	void anExistingFileWrittenByEarlierVersionsIsReadAsItIs(@TempDir Path dir) throws Exception {
		byte[] key = new byte[32];
		key[0] = 7;
		Files.writeString(dir.resolve("old.key"), Base64.getEncoder().encodeToString(key) + "\n");
		assertThat(ServerKeyFile.loadOrCreate(dir.resolve("old.key"), 32)).isEqualTo(key);
	}

	@Test
	void aKeyOfTheWrongLengthOrNotBase64IsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
		Path shortKey = dir.resolve("short.key");
		Files.writeString(shortKey, Base64.getEncoder().encodeToString(new byte[16]));
		assertThatIllegalStateException().isThrownBy(() -> ServerKeyFile.loadOrCreate(shortKey, 32))
			.withMessageContaining("short.key")
			.withMessageContaining("holds 16 bytes where 32 are expected");
		Path garbled = dir.resolve("garbled.key");
		Files.writeString(garbled, "not*base64!");
		assertThatIllegalStateException().isThrownBy(() -> ServerKeyFile.loadOrCreate(garbled, 32))
			.withMessageContaining("garbled.key")
			.withMessageContaining("not base64");
	}

	@Test
	void anUnreadableKeyFileIsReportedNotReplaced(@TempDir Path dir) throws Exception {
		Path directoryInTheWay = Files.createDirectories(dir.resolve("dir.key"));
		assertThatIllegalStateException().isThrownBy(() -> ServerKeyFile.loadOrCreate(directoryInTheWay, 32))
			.withMessageContaining("Cannot read or create the server key file");
		assertThat(directoryInTheWay).isDirectory();
	}

}
