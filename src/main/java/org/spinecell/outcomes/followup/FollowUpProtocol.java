package org.spinecell.outcomes.followup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The time points of a follow-up schedule, read from data ({@code outcomes/default-protocol.json}):
 * when each falls after the procedure, its window, and the instruments collected at it. A time
 * point's window is the given fraction of its interval on either side of the due date (at least
 * the minimum), unless the time point states its own, as the baseline does.
 *
 * @param name the protocol's name, for people
 * @param version bumped whenever a time point changes
 * @param timePoints in schedule order
 */
public record FollowUpProtocol(String name, int version, List<TimePoint> timePoints) {

	public static final String DEFAULT = "outcomes/default-protocol.json";

	public FollowUpProtocol {
		timePoints = List.copyOf(timePoints);
	}

	/**
	 * One time point.
	 * @param code such as {@code M6}
	 * @param days from the procedure date to the due date
	 * @param windowBeforeDays how early the window opens
	 * @param windowAfterDays how long after the due date it stays open
	 * @param instruments ids of the instruments to collect
	 * @param primaryOutcomes the instruments without which the time point is not collected: a
	 * follow-up is never completed automatically while one of them is unanswered, even when nobody
	 * can answer it online (see {@link FollowUpCompletion})
	 */
	record TimePoint(String code, int days, int windowBeforeDays, int windowAfterDays, List<String> instruments,
			List<String> primaryOutcomes) {

		TimePoint {
			instruments = List.copyOf(instruments);
			primaryOutcomes = List.copyOf(primaryOutcomes);
		}

	}

	/** A time point placed on the calendar for one procedure. */
	public record Planned(String timePoint, LocalDate dueDate, LocalDate windowStart, LocalDate windowEnd,
			List<String> instruments) {
	}

	/** The time points placed on the calendar from a procedure on the given date. */
	public List<Planned> plan(LocalDate procedureDate) {
		return timePoints.stream().map(t -> {
			LocalDate due = procedureDate.plusDays(t.days());
			return new Planned(t.code(), due, due.minusDays(t.windowBeforeDays()), due.plusDays(t.windowAfterDays()),
					t.instruments());
		}).toList();
	}

	/** The primary outcomes of a time point; none for a code the protocol does not have. */
	public List<String> primaryOutcomes(String code) {
		return timePoints.stream().filter(t -> t.code().equals(code)).findFirst().map(TimePoint::primaryOutcomes)
			.orElse(List.of());
	}

	public List<String> codes() {
		return timePoints.stream().map(TimePoint::code).toList();
	}

	public static FollowUpProtocol load(String resource) {
		try (InputStream in = FollowUpProtocol.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("not on the class path");
			}
			return parse(JsonMapper.builder().build().readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read follow-up protocol " + resource, ex);
		}
	}

	static FollowUpProtocol parse(JsonNode root) {
		double fraction = root.path("windowFraction").asDouble(0.25);
		int minimum = root.path("minimumWindowDays").asInt(3);
		List<String> defaultPrimary = strings(root.path("primaryOutcomes"));
		List<TimePoint> points = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (JsonNode node : root.path("timePoints")) {
			String code = node.path("code").asString();
			int days = node.path("days").asInt();
			if (code.isBlank() || !codes.add(code) || days < 0) {
				throw new IllegalArgumentException("Follow-up protocol: time point codes must be unique and days >= 0: "
						+ node);
			}
			// The window is measured on the interval from the procedure, rounded half up (W2: 3.5 -> 4).
			int around = Math.max(minimum, (int) Math.round(days * fraction));
			int before = node.has("windowBeforeDays") ? node.get("windowBeforeDays").asInt() : around;
			int after = node.has("windowAfterDays") ? node.get("windowAfterDays").asInt() : around;
			List<String> instruments = strings(node.path("instruments"));
			List<String> primary = node.has("primaryOutcomes") ? strings(node.get("primaryOutcomes")) : defaultPrimary;
			if (!instruments.containsAll(primary)) {
				throw new IllegalArgumentException("Follow-up protocol: time point " + code
						+ " must collect its primary outcomes " + primary);
			}
			points.add(new TimePoint(code, days, before, after, instruments, primary));
		}
		if (points.isEmpty()) {
			throw new IllegalArgumentException("Follow-up protocol has no time points");
		}
		return new FollowUpProtocol(root.path("name").asString(), root.path("version").asInt(1), points);
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
	}

}
