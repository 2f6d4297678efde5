package org.spinecell.analytics.export;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.spinecell.cellproducts.Origin;
import org.spinecell.cellproducts.SourceType;
import org.spinecell.cellproducts.Tissue;
import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.Intervention;
import org.spinecell.outcomes.Medication;
import org.spinecell.patients.ConditionFamily;
import org.spinecell.patients.Sex;
import org.spinecell.patients.SpineRegion;
import org.spinecell.procedures.Procedure;

/**
 * The files of the research export and every column in them: its type, unit, allowed values and
 * how it was de-identified, which is also what the data dictionary says, so the two cannot
 * disagree. The de-identified variant follows HIPAA Safe Harbor; the limited data set adds
 * shifted dates, five-digit ZIP codes and exact ages.
 */
final class ResearchExportLayout {

	static final String PSEUDONYM = "HMAC-SHA256 pseudonym under a server-held key (never the database id); "
			+ "stable across exports";

	static final String DAY = "integer days since the patient's index procedure (their first completed procedure; "
			+ "day 0), negative before it; the date itself is removed";

	static final String SHIFTED = "LIMITED DATA SET: the real date moved by the patient's own offset (1 to 365 days "
			+ "earlier or later, from an HMAC of the patient id), the same for all of the patient's dates";

	static final String SCRUBBED = "free text SCRUBBED: the patient's names, MRN, e-mail and phone as the system knows "
			+ "them, and anything that looks like an e-mail, URL, date, phone number, MRN, ZIP code or number of 5+ "
			+ "digits replaced by " + SafeHarbor.REMOVED;

	static final String KEPT = "kept as recorded (not an identifier)";

	/** One column: what the dictionary says about it, and how its value is made from a row. */
	record Column(String name, String type, String unit, String allowed, String method, Function<Row, Object> value) {
	}

	/** A field of the source records that the file leaves out, and why. */
	record Dropped(String name, String why) {
	}

	record File(String name, List<Column> columns, List<Dropped> dropped) {

		List<String> header() {
			return columns.stream().map(Column::name).toList();
		}

		List<Object> values(Row row) {
			return columns.stream().map(c -> c.value().apply(row)).toList();
		}

	}

	/**
	 * A patient of the export: pseudonym, index procedure date, the offset of their shifted dates
	 * and the identifiers scrubbed from their free text. Kept in memory only while exporting.
	 */
	record Subject(String pseudonym, LocalDate indexDate, int shiftDays, List<String> identifiers) {
	}

	/** A row of the database and the patient it belongs to. */
	record Row(Map<String, Object> values, Subject subject) {

		Object get(String column) {
			return values.get(column);
		}

		Long day(String column) {
			return values.get(column) instanceof LocalDate date
					? ChronoUnit.DAYS.between(subject.indexDate(), date) : null;
		}

		LocalDate shifted(String column) {
			return values.get(column) instanceof LocalDate date ? date.plusDays(subject.shiftDays()) : null;
		}

		String scrubbed(String column) {
			return SafeHarbor.scrub((String) values.get(column), subject.identifiers());
		}

	}

	private final boolean limited;

	private final Pseudonyms pseudonyms;

	ResearchExportLayout(boolean limited, Pseudonyms pseudonyms) {
		this.limited = limited;
		this.pseudonyms = pseudonyms;
	}

	List<File> files() {
		return List.of(patients(), episodes(), outcomes(), medications(), adverseEvents(), interventions());
	}

	File patients() {
		List<Column> columns = new ArrayList<>();
		columns.add(subject());
		columns.add(new Column("clinic", "text", "", "C + 20 hex digits", PSEUDONYM,
				r -> pseudonyms.of("C", (UUID) r.get("clinic_id"))));
		columns.add(new Column("sex", "code", "", allowed(Sex.values()), KEPT, r -> r.get("sex")));
		columns.add(new Column("age_at_index", limited ? "integer" : "integer or 90+", "years", "",
				limited ? "LIMITED DATA SET: exact age in whole years at the index procedure"
						: "whole years at the index procedure; 90 or over exported as 90+ (Safe Harbor)",
				r -> limited ? r.get("age_at_index") : SafeHarbor.age((Integer) r.get("age_at_index"))));
		columns.add(new Column("index_year", "integer", "year", "",
				"year of the index procedure only (Safe Harbor keeps years)", r -> year(r.get("index_date"))));
		if (limited) {
			columns.add(new Column("index_date", "date", "", "ISO 8601", SHIFTED, r -> r.shifted("index_date")));
		}
		columns.add(new Column("zip3", "text", "", "3 digits; 000; empty when no US ZIP code is recorded",
				"first 3 digits of the US ZIP code; 000 for the prefixes of areas with 20,000 people or fewer (HHS "
						+ "list); foreign postal codes are left out",
				r -> SafeHarbor.zip3((String) r.get("postal_code"))));
		if (limited) {
			columns.add(new Column("zip5", "text", "", "5 digits; empty when no US ZIP code is recorded",
					"LIMITED DATA SET: the 5-digit US ZIP code", r -> SafeHarbor.zip5((String) r.get("postal_code"))));
		}
		return new File("patients.csv", columns, List.of(new Dropped("patient id", "replaced by subject"),
				new Dropped("mrn", "removed"), new Dropped("given_name, family_name", "removed"),
				new Dropped("birth_date", "removed; age_at_index instead"), new Dropped("email, phone", "removed"),
				new Dropped("postal_code", limited ? "replaced by zip3 and zip5" : "replaced by zip3"),
				new Dropped("preferred_language", "removed (not needed for analysis)")));
	}

	File episodes() {
		List<Column> columns = new ArrayList<>();
		columns.add(new Column("episode", "text", "", "E + 20 hex digits", PSEUDONYM + " (keyed apart from patients)",
				r -> pseudonyms.of("E", (UUID) r.get("episode_id"))));
		columns.add(subject());
		columns.add(new Column("operator", "text", "", "OP + 20 hex digits", PSEUDONYM + "; the operator's name is removed",
				r -> pseudonyms.of("OP", (UUID) r.get("operator_id"))));
		dates(columns, "procedure", "procedure_date");
		columns.add(new Column("procedure_year", "integer", "year", "", "year only", r -> year(r.get("procedure_date"))));
		columns.add(new Column("age_at_procedure", limited ? "integer" : "integer or 90+", "years", "",
				limited ? "LIMITED DATA SET: exact age" : "whole years; 90 or over exported as 90+ (Safe Harbor)",
				r -> limited ? r.get("age_years") : SafeHarbor.age((Integer) r.get("age_years"))));
		columns.add(kept("condition_family", "code", "", allowed(ConditionFamily.values())));
		columns.add(kept("region", "code", "", allowed(SpineRegion.values())));
		columns.add(kept("symptom_duration_months", "integer", "months", ""));
		columns.add(kept("levels_treated", "integer", "levels", "1-10"));
		columns.add(kept("levels", "text", "", "spinal levels separated by spaces, e.g. L4-L5"));
		columns.add(kept("target", "code", "", allowed(Procedure.Target.values())));
		columns.add(kept("guidance", "code", "", allowed(Procedure.Guidance.values())));
		columns.add(kept("placement_confirmed", "boolean", "", "true, false"));
		columns.add(kept("cell_source", "code", "", allowed(SourceType.values()) + ", MIXED"));
		columns.add(kept("tissue", "code", "", allowed(Tissue.values()) + ", MIXED"));
		columns.add(kept("origin", "code", "", allowed(Origin.values()) + ", MIXED"));
		columns.add(kept("dose_million_cells", "decimal", "million viable cells", "empty when a unit had no count"));
		columns.add(kept("log10_dose", "decimal", "log10 cells", ""));
		columns.add(kept("baseline_odi", "decimal", "points", "0-100"));
		columns.add(kept("baseline_nrs_back", "decimal", "points", "0-10"));
		columns.add(kept("baseline_nrs_leg", "decimal", "points", "0-10"));
		columns.add(kept("baseline_rmdq", "decimal", "points", "0-24"));
		columns.add(kept("baseline_mme", "decimal", "mg morphine equivalents/day", ">= 0"));
		return new File("episodes.csv", columns, List.of(new Dropped("procedure id", "replaced by episode"),
				new Dropped("operator_name", "removed"),
				new Dropped("cell products (DIN, lot, donor)", "removed: product and donation identification numbers "
						+ "are identifiers; cell_source, tissue and origin describe the product"),
				new Dropped("anaesthesia, immediate_complications, time-out notes", "free text DROPPED (not needed)")));
	}

	File outcomes() {
		List<Column> columns = new ArrayList<>();
		columns.add(subject());
		columns.add(new Column("episode", "text", "", "E + 20 hex digits", PSEUDONYM,
				r -> pseudonyms.of("E", (UUID) r.get("episode_id"))));
		columns.add(kept("time_point", "code", "", "BASELINE, W2, W6, M3, M6, M12, M24 (the clinic's protocol)"));
		columns.add(new Column("days_after_procedure", "integer", "days", "",
				"nominal day of the time point after the episode's procedure", r -> r.get("days_after_procedure")));
		columns.add(kept("follow_up_status", "code", "", allowed(FollowUp.Status.values())
				+ " (status on the day of the export)"));
		columns.add(kept("measure", "code", "", "ODI, NRS_BACK, NRS_LEG, RMDQ, MME"));
		columns.add(kept("value", "decimal", "points; MME in mg/day", "empty when not collected"));
		columns.add(kept("baseline", "decimal", "as value", ""));
		columns.add(kept("change", "decimal", "as value", "value - baseline"));
		dates(columns, "observed", "observed_on");
		return new File("outcomes.csv", columns, List.of(new Dropped("due_date, completed_at", "removed; "
				+ "days_after_procedure and observed_day instead"),
				new Dropped("questionnaire answers", "item answers are not exported; scores only")));
	}

	File medications() {
		List<Column> columns = new ArrayList<>();
		columns.add(subject());
		columns.add(new Column("drug", "text", "", "", SCRUBBED, r -> r.scrubbed("drug")));
		columns.add(kept("dose", "decimal", "unit", ""));
		columns.add(kept("unit", "text", "", "as recorded, e.g. mg, mcg/h"));
		columns.add(kept("route", "code", "", allowed(Medication.Route.values())));
		columns.add(kept("frequency_per_day", "decimal", "times/day", "empty for patches"));
		columns.add(kept("mme_per_day", "decimal", "mg morphine equivalents/day", "empty for non-opioids"));
		columns.add(kept("source", "code", "", allowed(Medication.Source.values())));
		dates(columns, "start", "start_date");
		dates(columns, "stop", "stop_date");
		return new File("medications.csv", columns,
				List.of(new Dropped("mme_note", "free text DROPPED (not needed for analysis)")));
	}

	File adverseEvents() {
		List<Column> columns = new ArrayList<>();
		columns.add(subject());
		columns.add(episode());
		dates(columns, "onset", "onset_date");
		columns.add(new Column("category", "text", "", "", SCRUBBED, r -> r.scrubbed("category")));
		columns.add(new Column("description", "text", "", "", SCRUBBED, r -> r.scrubbed("description")));
		columns.add(kept("grade", "integer", "CTCAE grade", "1-5; empty while a patient's report awaits review (see awaiting_review)"));
		columns.add(kept("serious", "codes", "", "separated by spaces: " + allowed(AdverseEvent.Seriousness.values())));
		columns.add(kept("relatedness_procedure", "code", "", allowed(AdverseEvent.Relatedness.values())));
		columns.add(kept("relatedness_product", "code", "", allowed(AdverseEvent.Relatedness.values())));
		columns.add(kept("expected", "boolean", "", "true, false"));
		columns.add(kept("outcome", "code", "", allowed(AdverseEvent.Outcome.values())));
		dates(columns, "resolution", "resolution_date");
		dates(columns, "death", "death_date");
		columns.add(kept("reporter", "code", "", allowed(AdverseEvent.Reporter.values())));
		columns.add(kept("awaiting_review", "boolean", "", "true, false; true while no physician has reviewed the"
				+ " report: a patient's report then has no grade, and its seriousness, relatedness, expectedness and"
				+ " outcome are not assessed (empty), not negative"));
		return new File("adverse_events.csv", columns, List.of(new Dropped("product id", "removed"),
				new Dropped("awareness_date", "removed (reporting clocks are not analysed here)"),
				new Dropped("action", "free text DROPPED (not needed for analysis)"),
				new Dropped("review_note", "free text DROPPED (not needed for analysis)")));
	}

	File interventions() {
		List<Column> columns = new ArrayList<>();
		columns.add(subject());
		columns.add(episode());
		columns.add(kept("type", "code", "", allowed(Intervention.Type.values())));
		columns.add(kept("level", "text", "", "a spinal level, e.g. L4-L5"));
		dates(columns, "intervention", "date");
		return new File("interventions.csv", columns,
				List.of(new Dropped("reason", "free text DROPPED (not needed for analysis)")));
	}

	private Column subject() {
		return new Column("subject", "text", "", "P + 20 hex digits", PSEUDONYM, r -> r.subject().pseudonym());
	}

	private Column episode() {
		return new Column("episode", "text", "", "E + 20 hex digits; empty when not linked to a procedure",
				PSEUDONYM, r -> r.get("episode_id") instanceof UUID id ? pseudonyms.of("E", id) : null);
	}

	/** The day column of a date, and in the limited data set the shifted date after it. */
	private void dates(List<Column> columns, String prefix, String source) {
		columns.add(new Column(prefix + "_day", "integer", "days", "", DAY, r -> r.day(source)));
		if (limited) {
			columns.add(new Column(prefix + "_date", "date", "", "ISO 8601", SHIFTED, r -> r.shifted(source)));
		}
	}

	private static Column kept(String name, String type, String unit, String allowed) {
		return new Column(name, type, unit, allowed, KEPT, r -> r.get(name));
	}

	private static Integer year(Object date) {
		return date instanceof LocalDate d ? d.getYear() : null;
	}

	private static String allowed(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
	}

}
