package org.spinecell.cellproducts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.spinecell.platform.Refusal;
import org.spinecell.platform.FieldProblem;

/**
 * When the steps of a product's life happened, in the order they must: harvest, then processing,
 * quality control and custody, then release, then issue, then administration in a procedure. Steps
 * typed in after the fact (a harvest, a processing step, a paper release) carry the time they
 * happened, so each is checked against the steps before it.
 *
 * @param harvestedAt when the harvest ended, or {@code null} while it is not recorded
 * @param processedAt when the last processing step was performed, or {@code null}
 * @param releasedAt when the product was last released, or {@code null}
 * @param issuedAt when the product was last issued for administration, or {@code null}
 */
public record ProductTimeline(Instant harvestedAt, Instant processedAt, Instant releasedAt, Instant issuedAt) {

	/** How far a step may lie in the future: the clocks of two machines. */
	static final long CLOCK_SKEW_SECONDS = 300;

	private static final Pattern TO_ISSUED = Pattern.compile("\"to\"\\s*:\\s*\"ISSUED\"");

	static ProductTimeline of(List<ProductEvent> events) {
		Instant harvested = null;
		Instant processed = null;
		Instant released = null;
		Instant issued = null;
		for (ProductEvent event : events) {
			Instant at = event.occurredAt();
			switch (event.kind()) {
				case HARVEST -> harvested = at;
				case PROCESSING_STEP -> processed = latest(processed, at);
				case RELEASE -> released = latest(released, at);
				case STATE_CHANGE -> {
					if (event.data() != null && TO_ISSUED.matcher(event.data()).find()) {
						issued = latest(issued, at);
					}
				}
				default -> {
				}
			}
		}
		return new ProductTimeline(harvested, processed, released, issued);
	}

	/**
	 * Refuses a lab step (processing, a QC result, a custody hand-off) dated before the harvest
	 * ended or in the future (422 on the step's time field).
	 */
	void checkLabStep(Instant at, String field) {
		notInFuture(at, field);
		if (harvestedAt != null && at.isBefore(harvestedAt)) {
			throw Refusal.invalid(field, "must not be before the harvest ended (" + harvestedAt + ")");
		}
	}

	/** Refuses a release dated in the future, or before the harvest or the last processing step (422). */
	void checkReleaseAt(Instant at) {
		checkLabStep(at, "releasedAt");
		if (processedAt != null && at.isBefore(processedAt)) {
			throw Refusal.invalid("releasedAt", "must not be before the last processing step (" + processedAt + ")");
		}
	}

	/**
	 * What is wrong with administering the product in a procedure of the given day (and start time,
	 * if recorded): a procedure before the product was harvested, released or issued. Days are those
	 * of the clinic's time zone; a product not yet released is judged by its harvest only (a draft
	 * may be documented before the release, which completion then requires).
	 *
	 * @param field the field the problems are reported on
	 * @param label how the product is named in the messages
	 */
	public List<FieldProblem> administrationProblems(LocalDate day, Instant startedAt, ZoneId zone, String field,
			String label) {
		List<FieldProblem> problems = new ArrayList<>();
		before(harvestedAt, "harvested", day, startedAt, zone, field, label, problems);
		before(releasedAt, "released", day, startedAt, zone, field, label, problems);
		before(issuedAt, "issued", day, startedAt, zone, field, label, problems);
		return problems;
	}

	private static void before(Instant step, String done, LocalDate day, Instant startedAt, ZoneId zone, String field,
			String label, List<FieldProblem> problems) {
		if (step == null) {
			return;
		}
		boolean early = startedAt != null ? startedAt.isBefore(step) : day.isBefore(step.atZone(zone).toLocalDate());
		if (early) {
			problems.add(new FieldProblem(field, "the procedure is dated before " + label + " was " + done + " ("
					+ step.atZone(zone).toLocalDateTime().withNano(0) + ")"));
		}
	}

	private static void notInFuture(Instant at, String field) {
		if (at.isAfter(Instant.now().plusSeconds(CLOCK_SKEW_SECONDS))) {
			throw Refusal.invalid(field, "must not be in the future");
		}
	}

	private static Instant latest(Instant a, Instant b) {
		return a == null || b.isAfter(a) ? b : a;
	}

}
