package org.spinecell.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.json.JsonMapper;

import org.spinecell.backup.BackupManifest.FileEntry;

/**
 * The backup file: a zip with the data directory's files under {@code data/} (directories kept,
 * since PostgreSQL needs its empty ones) and {@code manifest.json} as the last entry.
 */
final class BackupArchive {

	private static final String DATA = "data/";

	/** Files of a running or just-stopped server that must not travel to another data dir. */
	private static final Set<String> SKIPPED = Set.of("postgres/postmaster.pid", "postgres/postmaster.opts",
			"postgres/epg-lock");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private BackupArchive() {
	}

	/** Copies every file of {@code dataDir} into {@code zip}; returns them with their checksums. */
	static List<FileEntry> writeDataDir(Path dataDir, ZipOutputStream zip) throws IOException {
		zip.setLevel(Deflater.BEST_SPEED);
		List<FileEntry> files = new ArrayList<>();
		Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
				if (!dir.equals(dataDir)) {
					zip.putNextEntry(new ZipEntry(DATA + relative(dataDir, dir) + "/"));
					zip.closeEntry();
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				String path = relative(dataDir, file);
				if (SKIPPED.contains(path)) {
					return FileVisitResult.CONTINUE;
				}
				if (!attrs.isRegularFile()) {
					throw new IOException("Cannot back up " + path + ": only plain files and directories are supported"
							+ " (no symbolic links or tablespaces)");
				}
				zip.putNextEntry(new ZipEntry(DATA + path));
				MessageDigest digest = sha256();
				long size;
				try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
					size = in.transferTo(zip);
				}
				zip.closeEntry();
				files.add(new FileEntry(path, size, HexFormat.of().formatHex(digest.digest())));
				return FileVisitResult.CONTINUE;
			}

		});
		return files;
	}

	static void writeManifest(BackupManifest manifest, ZipOutputStream zip) throws IOException {
		zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
		zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
		zip.closeEntry();
	}

	static BackupManifest readManifest(ZipFile zip) throws IOException {
		ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
		if (entry == null) {
			throw new IOException("not a SpineCell backup: it has no " + BackupManifest.ENTRY);
		}
		try (InputStream in = zip.getInputStream(entry)) {
			BackupManifest manifest = JSON.readValue(in, BackupManifest.class);
			if (manifest.format() != BackupManifest.FORMAT) {
				throw new IOException("backup format " + manifest.format() + " is not supported (this SpineCell reads "
						+ BackupManifest.FORMAT + ")");
			}
			return manifest;
		}
	}

	/**
	 * Extracts the data directory into the empty directory {@code target}, checking every file's size
	 * and SHA-256 against the manifest; fails on any file missing, added or changed.
	 */
	static void extract(ZipFile zip, BackupManifest manifest, Path target) throws IOException {
		Map<String, FileEntry> expected = new HashMap<>();
		manifest.files().forEach(file -> expected.put(file.path(), file));
		Path root = target.toAbsolutePath().normalize();
		Enumeration<? extends ZipEntry> entries = zip.entries();
		while (entries.hasMoreElements()) {
			ZipEntry entry = entries.nextElement();
			if (!entry.getName().startsWith(DATA)) {
				continue;
			}
			String path = entry.getName().substring(DATA.length());
			Path destination = root.resolve(path).normalize();
			if (!destination.startsWith(root) || destination.equals(root)) {
				throw new IOException("backup entry " + entry.getName() + " points outside the data directory");
			}
			if (entry.isDirectory()) {
				createPrivateDirectories(destination);
				continue;
			}
			FileEntry file = expected.remove(path);
			if (file == null) {
				throw new IOException("backup holds " + path + ", which its manifest does not list");
			}
			createPrivateDirectories(destination.getParent());
			MessageDigest digest = sha256();
			long size;
			try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest);
					OutputStream out = Files.newOutputStream(destination)) {
				size = in.transferTo(out);
			}
			Files.setPosixFilePermissions(destination, PosixFilePermissions.fromString("rw-------"));
			String sha256 = HexFormat.of().formatHex(digest.digest());
			if (size != file.size() || !sha256.equals(file.sha256())) {
				throw new IOException("backup file " + path + " is damaged: its checksum does not match the manifest");
			}
		}
		if (!expected.isEmpty()) {
			throw new IOException("backup lacks " + expected.size() + " file(s) its manifest lists, e.g. "
					+ expected.keySet().iterator().next());
		}
	}

	/** PostgreSQL refuses a cluster directory that others may read. */
	private static void createPrivateDirectories(Path dir) throws IOException {
		if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		createPrivateDirectories(dir.getParent());
		Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
	}

	private static String relative(Path root, Path path) {
		return root.relativize(path).toString().replace('\\', '/');
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
