package org.spinecell.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * The plausible range of a clinical date ({@link ClinicalDate}), in one place for the API, the
 * forms and the services that check dates by hand.
 */
public final class ClinicalDates {

	/** No patient alive today, and no record SpineCell holds, predates it. */
	public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	/** How far ahead a planned date may lie. */
	public static final Period PLANNING_HORIZON = Period.ofYears(10);

	/** The first zone to start a day: a date is in the future only once it has begun nowhere. */
	private static final ZoneOffset LATEST_ZONE = ZoneOffset.ofHours(14);

	private ClinicalDates() {
	}

	/** Why the date is implausible, or {@code null} if it is plausible (or absent). */
	public static String problem(LocalDate date, ClinicalDate.Kind kind) {
		return problem(date, kind, Clock.systemUTC());
	}

	static String problem(LocalDate date, ClinicalDate.Kind kind, Clock clock) {
		if (date == null) {
			return null;
		}
		LocalDate today = LocalDate.now(clock.withZone(LATEST_ZONE));
		if (date.isBefore(EARLIEST)) {
			return "must not be before " + EARLIEST;
		}
		if (kind == ClinicalDate.Kind.HAPPENED && date.isAfter(today)) {
			return "must not be in the future";
		}
		LocalDate horizon = today.plus(PLANNING_HORIZON);
		if (date.isAfter(horizon)) {
			return "must not be after " + horizon;
		}
		return null;
	}

	/** As {@link #problem(LocalDate, ClinicalDate.Kind)} for an instant; a past one may be a day ahead. */
	public static String problem(Instant at, ClinicalDate.Kind kind) {
		return problem(at, kind, Clock.systemUTC());
	}

	static String problem(Instant at, ClinicalDate.Kind kind, Clock clock) {
		if (at == null) {
			return null;
		}
		Instant now = clock.instant();
		if (at.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())) {
			return "must not be before " + EARLIEST;
		}
		if (kind == ClinicalDate.Kind.HAPPENED && at.isAfter(now.plus(1, ChronoUnit.DAYS))) {
			return "must not be in the future";
		}
		LocalDate horizon = LocalDate.now(clock.withZone(LATEST_ZONE)).plus(PLANNING_HORIZON);
		if (at.isAfter(horizon.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
			return "must not be after " + horizon;
		}
		return null;
	}

	/** Bean Validation of {@link ClinicalDate}. */
	public static final class Validator implements ConstraintValidator<ClinicalDate, Object> {

		private ClinicalDate.Kind kind;

		@Override
		public void initialize(ClinicalDate annotation) {
			this.kind = annotation.value();
		}

		@Override
		public boolean isValid(Object value, ConstraintValidatorContext context) {
			String problem;
			if (value == null) {
				problem = null;
			}
			else if (value instanceof LocalDate date) {
				problem = problem(date, kind);
			}
			else if (value instanceof LocalDateTime local) {
				problem = problem(local.toLocalDate(), kind);
			}
			else if (value instanceof Instant at) {
				problem = problem(at, kind);
			}
			else if (value instanceof OffsetDateTime at) {
				problem = problem(at.toInstant(), kind);
			}
			else {
				throw new IllegalArgumentException("@ClinicalDate on " + value.getClass());
			}
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
			return false;
		}

	}

}
