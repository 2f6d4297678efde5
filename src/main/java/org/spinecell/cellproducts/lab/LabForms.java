package org.spinecell.cellproducts.lab;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.BindingResult;

/**
 * What the forms of the cell lab pages share. Each form (one per file beside this one) maps to the
 * request record of the matching use case (registration, processing, classification, release,
 * custody), which validates it with the constraints the API applies; local date-times from
 * {@code datetime-local} inputs are read in the configured time zone.
 */
final class LabForms {

	private LabForms() {
	}

	static Instant instant(LocalDateTime local, ZoneId zone) {
		return local == null ? null : local.atZone(zone).toInstant();
	}

	/** Now in the zone, to the minute: the default of a time field. */
	static LocalDateTime now(ZoneId zone) {
		return LocalDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
	}

	/**
	 * Reads "name = value" lines (also "name: value" or "name value"); a line that is not a pair is
	 * a field error on {@code field}.
	 */
	static Map<String, String> pairs(String text, String field, BindingResult result) {
		Map<String, String> pairs = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return pairs;
		}
		int number = 0;
		for (String line : text.split("\\R")) {
			number++;
			String trimmed = line.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			String[] parts = trimmed.split("\\s*[=:]\\s*|\\s+", 2);
			if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
				result.rejectValue(field, "pair", "line " + number + " must be a name and a value, such as \"speed = 3200 rpm\"");
				return pairs;
			}
			pairs.put(parts[0].strip(), parts[1].strip());
		}
		return pairs;
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
