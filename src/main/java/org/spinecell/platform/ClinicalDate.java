package org.spinecell.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A date or time of a clinical fact, bounded to what can be true: never before
 * {@link ClinicalDates#EARLIEST} (1900-01-01), and for a fact that has {@link Kind#HAPPENED}
 * (birth, onset, diagnosis, procedure, sample, death) never after today anywhere on Earth
 * (UTC+14; an instant may be up to a day ahead, for clocks and time zones). A date that is
 * {@link Kind#PLANNED} (a planned stop, the end of an agreement, an expiry) may lie ahead, up to
 * {@link ClinicalDates#PLANNING_HORIZON}. Every date and time component of every request record
 * carries it ({@code ClinicalDateCoverageTests} checks); {@code null} is left to {@code @NotNull}.
 * Applies to {@code LocalDate}, {@code LocalDateTime}, {@code Instant} and
 * {@code OffsetDateTime}.
 */
@Documented
@Constraint(validatedBy = ClinicalDates.Validator.class)
@Target({ ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR,
		ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ClinicalDate {

	/** Whether the fact has happened or is planned. */
	enum Kind {

		HAPPENED, PLANNED

	}

	Kind value() default Kind.HAPPENED;

	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
