package org.spinecell.assurance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 written by hand, for the headers an ordinary client will not forge ({@code Host}) and
 * for connecting to the server through an address other than loopback, so that the server sees a
 * client that is not a trusted proxy.
 */
final class RawHttp {

	private RawHttp() {
	}

	record Reply(int status, String body) {
	}

	/** This machine's first non-loopback IPv4 address, if it has one. */
	static Optional<InetAddress> nonLoopbackAddress() {
		try {
			return NetworkInterface.networkInterfaces()
				.filter(RawHttp::up)
				.flatMap(NetworkInterface::inetAddresses)
				.filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
				.findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	static Reply send(InetAddress to, int port, String method, String path, Map<String, String> headers, String json) {
		byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
		StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
		if (!headers.containsKey("Host")) {
			request.append("Host: localhost:").append(port).append("\r\n");
		}
		headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		if (json != null) {
			request.append("Content-Type: application/json\r\n");
		}
		request.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(to, port), 5000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int status = Integer.parseInt(text.substring(9, 12));
			int start = text.indexOf("\r\n\r\n");
			return new Reply(status, start < 0 ? "" : text.substring(start + 4));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean up(NetworkInterface nic) {
		try {
			return nic.isUp() && !nic.isLoopback();
		}
		catch (IOException ex) {
			return false;
		}
	}

}
