package org.spinecell.backup;

import java.nio.file.Path;
import java.util.Map;

/**
 * The command line of {@code backup --to FILE} and {@code restore --from FILE [--force]}, plus the
 * instance settings they need, read the way the application reads them: {@code --name=value}
 * first, then the environment, then the default.
 */
record BackupOptions(String command, Path file, boolean force, Path dataDir, boolean externalDatabase) {

	static final String DATA_DIR = "spinecell.data-dir";

	static BackupOptions parse(String[] args, Map<String, String> environment) {
		String command = args[0];
		String fileFlag = command.equals("backup") ? "--to" : "--from";
		Path file = null;
		boolean force = false;
		String dataDir = environment.getOrDefault("SPINECELL_DATADIR", "./spinecell-data");
		String datasourceUrl = environment.getOrDefault("SPRING_DATASOURCE_URL", "");
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals(fileFlag) && i + 1 < args.length) {
				file = Path.of(args[++i]);
			}
			else if (arg.startsWith(fileFlag + "=")) {
				file = Path.of(arg.substring(fileFlag.length() + 1));
			}
			else if (arg.equals("--force")) {
				force = true;
			}
			else if (arg.startsWith("--" + DATA_DIR + "=")) {
				dataDir = arg.substring(DATA_DIR.length() + 3);
			}
			else if (arg.startsWith("--spring.datasource.url=")) {
				datasourceUrl = arg.substring("--spring.datasource.url=".length());
			}
			else if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument " + arg);
			}
		}
		if (file == null) {
			throw new IllegalArgumentException(command + " needs " + fileFlag + " FILE");
		}
		return new BackupOptions(command, file, force, Path.of(dataDir), !datasourceUrl.isBlank());
	}

}
