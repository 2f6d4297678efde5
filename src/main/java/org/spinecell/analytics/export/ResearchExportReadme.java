package org.spinecell.analytics.export;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.spinecell.analytics.agreements.DataUseAgreement;

/** The README.txt of a research export: what it holds, what was removed, the counts and small cells. */
final class ResearchExportReadme {

	private ResearchExportReadme() {
	}

	static String text(boolean limited, LocalDate exportDate, String cohort, DataUseAgreement agreement,
			Map<String, Long> files, List<List<Object>> summary, long patients) {
		StringBuilder out = new StringBuilder();
		out.append("SpineCell research export\r\n=========================\r\n\r\n");
		out.append("Exported on: ").append(exportDate).append(" (UTC)\r\n");
		out.append("Variant: ")
			.append(limited ? "LIMITED DATA SET under data-use agreement " + agreement.id() + " (\"" + oneLine(agreement.title())
					+ "\", in force " + agreement.startDate() + " to " + agreement.endDate() + ")"
					: "de-identified (HIPAA Safe Harbor, 45 CFR 164.514(b)(2))")
			.append("\r\n");
		out.append("Cohort: ").append(cohort).append("\r\n");
		out.append("Patients: those of the cohort's episodes with current registry AND research consent.\r\n\r\n");
		if (patients < 5) {
			out.append("WARNING: this cohort has fewer than 5 patients (").append(patients)
				.append("). Do not publish results about it; small groups are easier to re-identify.\r\n\r\n");
		}
		out.append("Files and rows\r\n--------------\r\n");
		files.forEach((name, rows) -> out.append(name).append(": ").append(rows).append(rows == 1 ? " row\r\n" : " rows\r\n"));
		out.append("data_dictionary.csv: every column (file, name, type, unit, allowed values, how it was"
				+ " de-identified) and every field left out\r\n");
		out.append("summary.csv: the counts below, with a small_cell column\r\n\r\n");
		out.append("What was removed\r\n----------------\r\n");
		out.append("- Names, medical record numbers, e-mail addresses, phone numbers, birth dates, database ids"
				+ " (patients, episodes, operators and clinics appear as HMAC pseudonyms under a key kept on the"
				+ " server), operator names, cell product and donation identification numbers (DINs).\r\n");
		if (limited) {
			out.append("- Dates are SHIFTED by a per-patient offset of 1 to 365 days (the same for all of a"
					+ " patient's dates, so intervals are kept) and also given as days since the index procedure."
					+ " ZIP codes have 5 digits and ages are exact. This is a limited data set, not de-identified"
					+ " data: use it only as the data-use agreement allows.\r\n");
		}
		else {
			out.append("- Dates: only years, or whole days since the patient's index procedure (their first"
					+ " completed procedure). ZIP codes: first 3 digits, 000 for the restricted prefixes."
					+ " Ages over 89: 90+.\r\n");
		}
		out.append("- Free text: adverse-event descriptions and categories and medication names are scrubbed"
				+ " (identifier-like text replaced by [REMOVED]); all other free text (notes, reasons, actions)"
				+ " is dropped. Scrubbing removes what it recognises; report anything it missed.\r\n\r\n");
		out.append("Counts (small cells: counts of 1 to ").append(ResearchExportService.SMALL_CELL_MAX)
			.append(" are flagged; suppress them before publishing)\r\n");
		out.append("------\r\n");
		for (List<Object> row : summary) {
			boolean small = (Boolean) row.get(3);
			out.append(row.get(0)).append(" = ").append(row.get(1)).append(": ").append(row.get(2))
				.append(small ? "  [SMALL CELL]" : "")
				.append("\r\n");
		}
		return out.toString();
	}

	private static String oneLine(String text) {
		return text.replaceAll("[\\r\\n]+", " ");
	}

}
