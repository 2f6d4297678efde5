package org.spinecell.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A statement that the patient takes (or took) a medication, as staff recorded it or the patient
 * reported it. For an opioid in the conversion table, {@code mmePerDay} is the daily dose in
 * morphine milligram equivalents, fixed with the factor used when the statement was recorded.
 */
public record Medication(UUID id, UUID clinicId, UUID patientId, String drug, BigDecimal dose, String unit,
		Route route, BigDecimal frequencyPerDay, LocalDate start, LocalDate stop, Source source, BigDecimal mmeFactor,
		BigDecimal mmePerDay, String mmeNote, boolean voided, int version, Instant createdAt, Instant updatedAt) {

	public enum Route {

		ORAL, TRANSDERMAL, SUBLINGUAL, BUCCAL, INTRANASAL, RECTAL, INTRAVENOUS, INTRAMUSCULAR, SUBCUTANEOUS, TOPICAL,
		OTHER

	}

	/** Who gave the information: staff (from a prescription or chart) or the patient. */
	public enum Source {

		STAFF, PATIENT

	}

	/** Whether the patient was taking it on the day. */
	public boolean activeOn(LocalDate day) {
		return !start.isAfter(day) && (stop == null || !stop.isBefore(day));
	}

	/** The audited fields. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("patientId", patientId.toString());
		values.put("drug", drug);
		values.put("dose", dose.toPlainString());
		values.put("unit", unit);
		values.put("route", route.name());
		values.put("frequencyPerDay", frequencyPerDay == null ? null : frequencyPerDay.toPlainString());
		values.put("start", start.toString());
		values.put("stop", stop == null ? null : stop.toString());
		values.put("source", source.name());
		values.put("mmeFactor", mmeFactor == null ? null : mmeFactor.toPlainString());
		values.put("mmePerDay", mmePerDay == null ? null : mmePerDay.toPlainString());
		values.put("voided", voided);
		return values;
	}

}
