package org.spinecell.platform;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Stored instants (always UTC) as people read them on pages: in the installation's time zone
 * ({@code spinecell.time-zone}), with the zone named, such as "2026-12-08 14:05 CET". Templates use
 * it as {@code @times.at(instant)}.
 */
@Component("times")
public class LocalTimes {

	private final DateTimeFormatter format;

	LocalTimes(SpineCellProperties properties) {
		this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH).withZone(properties.timeZone());
	}

	/** The instant in the installation's zone, to the minute, with the zone's short name; empty for none. */
	public String at(Instant instant) {
		return instant == null ? "" : format.format(instant);
	}

}
