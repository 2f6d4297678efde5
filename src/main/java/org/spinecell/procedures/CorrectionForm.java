package org.spinecell.procedures;

import java.time.LocalDate;
import java.time.LocalTime;

import org.springframework.format.annotation.DateTimeFormat;

/** A correction of a completed record's narrative; validated through {@link ProcedureRequests.Correction}. */
class CorrectionForm {

	private String immediateComplications;

	@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
	private LocalTime dischargeTime;

	private String contrastPattern;

	private String anaesthesia;

	private String reason;

	private Integer version;

	static CorrectionForm of(Procedure procedure, ProcedureLabels labels) {
		CorrectionForm form = new CorrectionForm();
		form.immediateComplications = procedure.immediateComplications();
		form.dischargeTime = labels.localTime(procedure.dischargedAt());
		form.contrastPattern = procedure.contrastPattern();
		form.anaesthesia = procedure.anaesthesia();
		form.version = procedure.version();
		return form;
	}

	/** The discharge stays on the day it was on (the procedure's day if there was none). */
	ProcedureRequests.Correction toRequest(Procedure procedure, ProcedureLabels labels) {
		LocalDate day = procedure.dischargedAt() == null ? procedure.date()
				: labels.localDate(procedure.dischargedAt());
		return new ProcedureRequests.Correction(blankToNull(immediateComplications),
				labels.instant(day, dischargeTime), blankToNull(contrastPattern), blankToNull(anaesthesia),
				blankToNull(reason), version);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public String getImmediateComplications() {
		return immediateComplications;
	}

	public void setImmediateComplications(String immediateComplications) {
		this.immediateComplications = immediateComplications;
	}

	public LocalTime getDischargeTime() {
		return dischargeTime;
	}

	public void setDischargeTime(LocalTime dischargeTime) {
		this.dischargeTime = dischargeTime;
	}

	public String getContrastPattern() {
		return contrastPattern;
	}

	public void setContrastPattern(String contrastPattern) {
		this.contrastPattern = contrastPattern;
	}

	public String getAnaesthesia() {
		return anaesthesia;
	}

	public void setAnaesthesia(String anaesthesia) {
		this.anaesthesia = anaesthesia;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
