package org.spinecell.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random server key kept in a file of the data directory (one line of base64), for keys that
 * must survive a restart when none is configured. On first use the file is created readable by the
 * owner only before the key is written to it, then moved into place whole, so no other user and no
 * half-written file ever sees it. The key itself is never logged or put in an error message.
 */
public final class ServerKeyFile {

	private static final SecureRandom RANDOM = new SecureRandom();

	private ServerKeyFile() {
	}

	/**
	 * The key of {@code length} bytes kept in {@code file}, created with fresh random bytes if the
	 * file does not exist yet.
	 * @throws IllegalStateException if the file cannot be read or written, is not base64, or holds
	 * a key of another length
	 */
	public static byte[] loadOrCreate(Path file, int length) {
		Path absolute = file.toAbsolutePath();
		try {
			if (!Files.exists(absolute)) {
				create(absolute, length);
			}
			return read(absolute, length);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read or create the server key file " + absolute + ": " + ex, ex);
		}
	}

	private static void create(Path file, int length) throws IOException {
		byte[] key = new byte[length];
		RANDOM.nextBytes(key);
		Files.createDirectories(file.getParent());
		Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
		try {
			try {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system (Windows): owner-only as far as java.io can say it.
				temporary.toFile().setReadable(false, false);
				temporary.toFile().setReadable(true, true);
			}
			Files.write(temporary, Base64.getEncoder().encode(key));
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static byte[] read(Path file, int length) throws IOException {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The server key file " + file + " is not base64; restore it from backup",
					ex);
		}
		if (key.length != length) {
			throw new IllegalStateException("The server key file " + file + " holds " + key.length
					+ " bytes where " + length + " are expected; restore it from backup");
		}
		return key;
	}

}
