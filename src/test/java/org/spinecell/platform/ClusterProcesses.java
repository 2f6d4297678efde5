package org.spinecell.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL processes of an embedded cluster, as the durability harness crashes them:
 * SIGKILL to the postmaster and every backend, then a restart with the exact command line the
 * server recorded in {@code postmaster.opts}, so SpineCell finds it again on the same port.
 */
final class ClusterProcesses {

	private static final Pattern ARGUMENT = Pattern.compile("\"([^\"]*)\"|(\\S+)");

	private final Path cluster;

	private final Path log;

	ClusterProcesses(Path dataDir) {
		this.cluster = dataDir.resolve(EmbeddedPostgresServer.CLUSTER_DIR);
		this.log = dataDir.resolveSibling(dataDir.getFileName() + ".postgres.log");
	}

	/** SIGKILL to the postmaster and all its children, as in a crash; waits until they are gone. */
	void killAll() throws IOException {
		Optional<ProcessHandle> postmaster = postmaster();
		if (postmaster.isEmpty()) {
			return;
		}
		List<ProcessHandle> processes = new ArrayList<>(postmaster.get().descendants().toList());
		processes.add(0, postmaster.get());
		processes.forEach(ProcessHandle::destroyForcibly);
		processes.forEach(process -> process.onExit().join());
	}

	/** Starts the server again as it last ran; crash recovery replays its WAL. */
	void restart() throws IOException {
		String opts = Files.readString(cluster.resolve("postmaster.opts"), StandardCharsets.UTF_8).strip();
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			// PostgreSQL refuses to run as root; zonky runs it in a user namespace, and so does this.
			command.addAll(List.of("unshare", "-U"));
		}
		Matcher matcher = ARGUMENT.matcher(opts);
		while (matcher.find()) {
			command.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
		}
		new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
	}

	private Optional<ProcessHandle> postmaster() throws IOException {
		Path pidFile = cluster.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		String pid = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
		return pid.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
	}

}
