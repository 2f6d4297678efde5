package org.spinecell.procedures;

import java.util.UUID;

import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientHistory;
import org.spinecell.patients.PatientHistoryService;
import org.spinecell.patients.PatientService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The printable procedure note. */
@Controller
class ProcedureNoteController {

	private final ProcedureService procedures;

	private final PatientService patients;

	private final PatientHistoryService history;

	private final ProcedurePage page;

	ProcedureNoteController(ProcedureService procedures, PatientService patients, PatientHistoryService history,
			ProcedurePage page) {
		this.procedures = procedures;
		this.patients = patients;
		this.history = history;
		this.page = page;
	}

	@GetMapping("/procedures/{id}/note")
	String note(@PathVariable UUID id, Model model) {
		Procedure procedure = procedures.get(id);
		Patient patient = patients.get(procedure.patientId());
		PatientHistory patientHistory = history.historyOf(patient.id());
		model.addAttribute("procedure", procedure);
		model.addAttribute("patient", patient);
		model.addAttribute("indication", patientHistory.primaryDiagnosis()
			.or(() -> patientHistory.activeDiagnoses().stream().findFirst())
			.orElse(null));
		model.addAttribute("units", page.units(procedure));
		model.addAttribute("doses", procedure.doses());
		model.addAttribute("timeOutRecord", page.timeOutRecord(procedure));
		return "procedures/note";
	}

}
