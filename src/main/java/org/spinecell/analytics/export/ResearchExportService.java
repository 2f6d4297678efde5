package org.spinecell.analytics.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.spinecell.analytics.agreements.DataUseAgreement;
import org.spinecell.analytics.agreements.DataUseAgreementService;
import org.spinecell.analytics.export.ResearchExportLayout.File;
import org.spinecell.analytics.export.ResearchExportLayout.Row;
import org.spinecell.analytics.export.ResearchExportLayout.Subject;
import org.spinecell.analytics.workspace.AnalyticsRepository;
import org.spinecell.analytics.workspace.AnalyticsService;
import org.spinecell.analytics.workspace.CohortFilter;
import org.spinecell.analytics.workspace.CohortService;
import org.spinecell.analytics.workspace.CsvWriter;
import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The research export: a zip of CSV files about the consented patients of a cohort, with a data
 * dictionary, a summary of counts with small cells flagged, and a README. The de-identified
 * variant follows HIPAA Safe Harbor; the limited data set needs an active data-use agreement
 * naming the caller. Patients without current registry and research consent are left out, and
 * every export is audited with its counts, never with patient data.
 */
@Service
public class ResearchExportService {

	static final String ENTITY = "ResearchExport";

	/** A count from 1 to this is a small cell. */
	static final int SMALL_CELL_MAX = 4;

	/** The two variants of the export. */
	public enum Variant {

		DEIDENTIFIED, LIMITED;

		String label() {
			return this == LIMITED ? "limited" : "deidentified";
		}

	}

	/** What to export: a saved cohort or a filter, the variant and, for a limited data set, the agreement. */
	public record Request(UUID cohortId, CohortFilter filter, Variant variant, UUID agreementId) {
	}

	private final ResearchExportRepository repository;

	private final AnalyticsService analytics;

	private final CohortService cohorts;

	private final DataUseAgreementService agreements;

	private final Pseudonyms pseudonyms;

	private final AuditTrail audit;

	ResearchExportService(ResearchExportRepository repository, AnalyticsService analytics, CohortService cohorts,
			DataUseAgreementService agreements, Pseudonyms pseudonyms, AuditTrail audit) {
		this.repository = repository;
		this.analytics = analytics;
		this.cohorts = cohorts;
		this.agreements = agreements;
		this.pseudonyms = pseudonyms;
		this.audit = audit;
	}

	/**
	 * Writes the zip to the stream {@code open} gives once every check has passed (so a refusal is
	 * still a problem response) and audits the export on the chain of each clinic it covered.
	 *
	 * @return the number of patients exported
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional
	public long export(Request request, Supplier<OutputStream> open) {
		CohortFilter filter = request.cohortId() == null ? request.filter()
				: cohorts.get(request.cohortId()).cohortFilter();
		DataUseAgreement agreement = null;
		if (request.variant() == Variant.LIMITED) {
			if (request.agreementId() == null) {
				throw new DataUseAgreementService.AgreementRequired("No data-use agreement was given (agreement=<id>)");
			}
			agreement = agreements.activeFor(request.agreementId());
			if (!filter.clinicIds().isEmpty() && !filter.clinicIds().equals(Set.of(agreement.clinicId()))) {
				throw new DataUseAgreementService.AgreementRequired(
						"Data-use agreement " + agreement.id() + " covers its own clinic's data only");
			}
			filter = filter.withClinics(Set.of(agreement.clinicId()));
		}
		AnalyticsRepository.Where where = analytics.scoped(filter);
		boolean limited = request.variant() == Variant.LIMITED;
		ResearchExportLayout layout = new ResearchExportLayout(limited, pseudonyms);

		Map<UUID, Subject> subjects = new LinkedHashMap<>();
		List<Map<String, Object>> patientRows = new ArrayList<>();
		repository.patients(where, row -> {
			subjects.put((UUID) row.get("patient_id"), subject(row));
			patientRows.add(row);
		});
		ResearchExportCounts counts = new ResearchExportCounts();
		Map<String, BiConsumer<AnalyticsRepository.Where, Consumer<Map<String, Object>>>> sources = Map.of(
				"patients.csv", (w, sink) -> patientRows.forEach(sink), "episodes.csv", repository::episodes,
				"outcomes.csv", repository::outcomes, "medications.csv", repository::medications, "adverse_events.csv",
				repository::adverseEvents, "interventions.csv", repository::interventions);

		ZipOutputStream zip = new ZipOutputStream(open.get(), StandardCharsets.UTF_8);
		Writer text = new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8);
		List<File> files = layout.files();
		for (File file : files) {
			entry(zip, text, file.name(), csv -> {
				csv.row(file.header());
				sources.get(file.name()).accept(where, row -> {
					Subject subject = subjects.get((UUID) row.get("patient_id"));
					csv.row(file.values(new Row(row, subject)));
					counts.add(file.name(), (UUID) row.get("clinic_id"), subject, row);
				});
			});
		}
		entry(zip, text, "data_dictionary.csv", csv -> dictionary(csv, files));
		entry(zip, text, "summary.csv", csv -> counts.summary(csv));
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Map<String, List<String>> shown = new LinkedHashMap<>(filter.toParameters());
		shown.remove("clinicId");
		String cohort = request.cohortId() != null ? "saved cohort " + request.cohortId()
				: shown.isEmpty() ? "all episodes of your clinics" : "filter " + shown;
		String readme = ResearchExportReadme.text(limited, today, cohort, agreement, counts.files(),
				counts.summaryRows(), subjects.size());
		entry(zip, text, "README.txt", csv -> write(text, readme));
		finish(zip);

		UUID exportId = UUID.randomUUID();
		for (UUID clinic : AnalyticsService.clinicsOf(where)) {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("variant", request.variant().label());
			values.put("cohortId", request.cohortId() == null ? null : request.cohortId().toString());
			values.put("filter", filter.toParameters().toString());
			values.put("agreementId", agreement == null ? null : agreement.id().toString());
			values.put("patients", counts.patientsOf(clinic));
			values.put("rows", counts.rowsOf(clinic).toString());
			values.put("totalPatients", subjects.size());
			audit.record(clinic, AuditAction.ACCESS, ENTITY, exportId, FieldChange.created(values), null);
		}
		return subjects.size();
	}

	private Subject subject(Map<String, Object> row) {
		UUID patient = (UUID) row.get("patient_id");
		List<String> identifiers = Arrays.asList((String) row.get("given_name"), (String) row.get("family_name"),
				(String) row.get("mrn"), (String) row.get("email"), (String) row.get("phone"));
		return new Subject(pseudonyms.of("P", patient), (LocalDate) row.get("index_date"), shiftDays(patient),
				identifiers.stream().filter(Objects::nonNull).toList());
	}

	/**
	 * The patient's date offset for the limited data set: 1 to 365 days, earlier or later, from
	 * the first 32 bits of an HMAC of the patient id (a kind of its own, so that it cannot be
	 * read off the patient's pseudonym).
	 */
	int shiftDays(UUID patient) {
		String pseudonym = pseudonyms.of("DS", patient);
		long bits = HexFormat.fromHexDigitsToLong(pseudonym.substring(2, 10));
		int slot = (int) (bits % 730);
		return slot < 365 ? -(slot + 1) : slot - 364;
	}

	private static void dictionary(CsvWriter csv, List<File> files) {
		csv.row(List.of("file", "column", "type", "unit", "allowed_values", "de_identification"));
		for (File file : files) {
			for (ResearchExportLayout.Column column : file.columns()) {
				csv.row(List.of(file.name(), column.name(), column.type(), column.unit(), column.allowed(),
						column.method()));
			}
			for (ResearchExportLayout.Dropped dropped : file.dropped()) {
				csv.row(List.of(file.name(), dropped.name(), "(not exported)", "", "", dropped.why()));
			}
		}
	}

	/**
	 * Every entry's time is this fixed instant (as reproducible builds do), so the same data gives the
	 * same zip, byte for byte, whenever it is downloaded; the day of the export is in README.txt.
	 */
	private static final long ENTRY_TIME = java.time.Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

	private static void entry(ZipOutputStream zip, Writer text, String name, Consumer<CsvWriter> content) {
		try {
			ZipEntry entry = new ZipEntry(name);
			entry.setTime(ENTRY_TIME);
			zip.putNextEntry(entry);
			content.accept(new CsvWriter(text));
			text.flush();
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Writer text, String content) {
		try {
			text.write(content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void finish(ZipOutputStream zip) {
		try {
			zip.finish();
			zip.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The zip stream stays open between entries; closing the writer of one entry must not close it. */
	private static final class NonClosing extends java.io.FilterOutputStream {

		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
