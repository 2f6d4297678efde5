package org.spinecell.cellproducts.lab;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.spinecell.cellproducts.CellProductRequests;

import org.springframework.format.annotation.DateTimeFormat;

/** The harvest of the product: site, volume, anticoagulant, operator and times. */
class HarvestForm {

	private String site;

	private BigDecimal volumeMl;

	private String anticoagulant;

	private String operator;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime startedAt;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime endedAt;

	static HarvestForm startingNow(ZoneId zone) {
		HarvestForm form = new HarvestForm();
		form.endedAt = LabForms.now(zone);
		return form;
	}

	CellProductRequests.Harvest toRequest(ZoneId zone) {
		return new CellProductRequests.Harvest(site, volumeMl, LabForms.blankToNull(anticoagulant), operator,
				LabForms.instant(startedAt, zone), LabForms.instant(endedAt, zone));
	}

	public String getSite() {
		return site;
	}

	public void setSite(String site) {
		this.site = site;
	}

	public BigDecimal getVolumeMl() {
		return volumeMl;
	}

	public void setVolumeMl(BigDecimal volumeMl) {
		this.volumeMl = volumeMl;
	}

	public String getAnticoagulant() {
		return anticoagulant;
	}

	public void setAnticoagulant(String anticoagulant) {
		this.anticoagulant = anticoagulant;
	}

	public String getOperator() {
		return operator;
	}

	public void setOperator(String operator) {
		this.operator = operator;
	}

	public LocalDateTime getStartedAt() {
		return startedAt;
	}

	public void setStartedAt(LocalDateTime startedAt) {
		this.startedAt = startedAt;
	}

	public LocalDateTime getEndedAt() {
		return endedAt;
	}

	public void setEndedAt(LocalDateTime endedAt) {
		this.endedAt = endedAt;
	}

}
