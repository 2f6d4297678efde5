package org.spinecell.cellproducts.lab;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.spinecell.cellproducts.CellProductRequests;
import org.spinecell.cellproducts.ProcessingStepType;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/** A processing step of the product, its parameters as "name = value" lines. */
class StepForm {

	private ProcessingStepType type;

	private String device;

	private String kit;

	private String lot;

	private String parameters;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime performedAt;

	private BigDecimal outputVolumeMl;

	static StepForm startingNow(ZoneId zone) {
		StepForm form = new StepForm();
		form.performedAt = LabForms.now(zone);
		return form;
	}

	CellProductRequests.ProcessingStep toRequest(ZoneId zone, BindingResult result) {
		return new CellProductRequests.ProcessingStep(type, LabForms.blankToNull(device),
				LabForms.blankToNull(kit), LabForms.blankToNull(lot), LabForms.pairs(parameters, "parameters", result),
				LabForms.instant(performedAt, zone), outputVolumeMl);
	}

	public ProcessingStepType getType() {
		return type;
	}

	public void setType(ProcessingStepType type) {
		this.type = type;
	}

	public String getDevice() {
		return device;
	}

	public void setDevice(String device) {
		this.device = device;
	}

	public String getKit() {
		return kit;
	}

	public void setKit(String kit) {
		this.kit = kit;
	}

	public String getLot() {
		return lot;
	}

	public void setLot(String lot) {
		this.lot = lot;
	}

	public String getParameters() {
		return parameters;
	}

	public void setParameters(String parameters) {
		this.parameters = parameters;
	}

	public LocalDateTime getPerformedAt() {
		return performedAt;
	}

	public void setPerformedAt(LocalDateTime performedAt) {
		this.performedAt = performedAt;
	}

	public BigDecimal getOutputVolumeMl() {
		return outputVolumeMl;
	}

	public void setOutputVolumeMl(BigDecimal outputVolumeMl) {
		this.outputVolumeMl = outputVolumeMl;
	}

}
