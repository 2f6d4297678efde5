package org.spinecell.outcomes.chart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.FollowUpService;
import org.spinecell.outcomes.Medication;
import org.spinecell.outcomes.MedicationService;
import org.spinecell.outcomes.ResponseService;
import org.spinecell.outcomes.responses.Observation;
import org.spinecell.outcomes.survey.SurveyWording;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.SpineCellProperties;
import org.spinecell.platform.chart.Chart;
import org.spinecell.platform.chart.PdfReport;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The patient progress report, a PDF to hand to the patient: their own scores over time against
 * the minimal clinically important difference, their medicines with morphine equivalents, and
 * their next follow-up, in plain words. It names the patient by first name only and prints no
 * record number or internal id, since a printout can be seen by others.
 */
@RestController
class ProgressReportController {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	private final PatientService patients;

	private final ResponseService responses;

	private final MedicationService medications;

	private final FollowUpService followUps;

	private final ZoneId zone;

	ProgressReportController(PatientService patients, ResponseService responses, MedicationService medications,
			FollowUpService followUps, SpineCellProperties properties) {
		this.patients = patients;
		this.responses = responses;
		this.medications = medications;
		this.followUps = followUps;
		this.zone = properties.timeZone();
	}

	@GetMapping({ "/api/v1/patients/{id}/progress-report.pdf", "/patients/{id}/progress-report.pdf" })
	ResponseEntity<byte[]> report(@PathVariable UUID id) {
		Patient patient = patients.get(id);
		List<Observation> observations = responses.observations(id, null);
		List<Medication> current = medications.list(id).stream().filter(m -> !m.voided()).toList();
		LocalDate today = followUps.today();
		Optional<FollowUp> next = followUps.forPatient(id)
			.stream()
			.filter(f -> f.statusOn(today).isOpen() && !f.dueDate().isBefore(today))
			.min(Comparator.comparing(FollowUp::dueDate));
		byte[] pdf;
		try (PdfReport report = new PdfReport("Your progress report")) {
			report.heading("Your progress report");
			report.paragraph("Prepared for " + patient.givenName() + " on " + DATE.format(today) + ".");
			report.heading("Your scores over time");
			if (observations.isEmpty()) {
				report.paragraph("You have not filled in any questionnaires yet.");
			}
			else {
				report.paragraph("Lower scores mean less pain or less difficulty in daily life. The dashed line on "
						+ "each chart shows how far a score has to fall from your first score for most people to "
						+ "feel a real improvement. A score at or below that line is such an improvement.");
				for (Chart chart : OutcomeCharts.scores(observations, zone)) {
					report.chart(chart);
				}
				List<List<String>> rows = new ArrayList<>();
				for (Observation o : observations) {
					rows.add(List.of(DATE.format(LocalDate.ofInstant(o.effectiveAt(), zone)),
							plainMeasure(o.measure()), plain(o.value())));
				}
				report.subheading("All your scores");
				report.table(List.of("Date", "What was measured", "Score"), rows);
			}
			report.heading("Your medicines");
			if (current.isEmpty()) {
				report.paragraph("No medicines are recorded for you.");
			}
			else {
				report.paragraph("Morphine equivalent (MME) puts strong pain medicines on one scale, so doses of "
						+ "different medicines can be added up. It is shown only for those medicines.");
				List<List<String>> rows = new ArrayList<>();
				for (Medication m : current) {
					rows.add(List.of(m.drug(), plain(m.dose()) + " " + m.unit(), plain(m.frequencyPerDay()) + " a day",
							DATE.format(m.start()), m.stop() == null ? "still taking" : DATE.format(m.stop()),
							m.mmePerDay() == null ? "" : plain(m.mmePerDay()) + " a day"));
				}
				report.table(List.of("Medicine", "Dose", "How often", "Started", "Stopped", "Morphine equivalent"), rows);
				report.paragraph("Total morphine equivalent today: "
						+ plain(OutcomeCharts.totalOn(current.stream().filter(m -> m.mmePerDay() != null).toList(),
								today))
						+ " mg a day.");
			}
			report.heading("Your next follow-up");
			report.paragraph(next.map(f -> "We will ask how you are doing " + SurveyWording.plainWords(f.timePoint())
					+ ", around " + DATE.format(f.dueDate()) + ".")
				.orElse("No follow-up is planned at the moment."));
			report.paragraph("If you have questions about this report, please ask your care team.");
			pdf = report.toBytes();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"progress-report.pdf\"")
			.body(pdf);
	}

	private static String plainMeasure(String measure) {
		return switch (measure) {
			case "ODI" -> "Difficulty in daily life (ODI, 0-100)";
			case "RMDQ" -> "Difficulty in daily life (RMDQ, 0-24)";
			case "NRS_BACK" -> "Back pain (0-10)";
			case "NRS_LEG" -> "Leg pain (0-10)";
			default -> OutcomeCharts.displayName(measure);
		};
	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

}
