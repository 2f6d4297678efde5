package org.spinecell.cellproducts.lab;

import java.time.LocalDateTime;
import java.time.ZoneId;

import org.spinecell.cellproducts.CellProductRequests;

import org.springframework.format.annotation.DateTimeFormat;

/** A custody event of the product page: handed over, moved, stored, with storage and expiry. */
class CustodyForm {

	private CellProductRequests.CustodyAction action;

	private String fromPerson;

	private String toPerson;

	private String location;

	private String temperature;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime at;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime expiresAt;

	static CustodyForm startingNow(ZoneId zone) {
		CustodyForm form = new CustodyForm();
		form.at = LabForms.now(zone);
		return form;
	}

	CellProductRequests.Custody toRequest(ZoneId zone) {
		return new CellProductRequests.Custody(action, LabForms.blankToNull(fromPerson),
				LabForms.blankToNull(toPerson), location, temperature, LabForms.instant(at, zone),
				LabForms.instant(expiresAt, zone));
	}

	public CellProductRequests.CustodyAction getAction() {
		return action;
	}

	public void setAction(CellProductRequests.CustodyAction action) {
		this.action = action;
	}

	public String getFromPerson() {
		return fromPerson;
	}

	public void setFromPerson(String fromPerson) {
		this.fromPerson = fromPerson;
	}

	public String getToPerson() {
		return toPerson;
	}

	public void setToPerson(String toPerson) {
		this.toPerson = toPerson;
	}

	public String getLocation() {
		return location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

	public String getTemperature() {
		return temperature;
	}

	public void setTemperature(String temperature) {
		this.temperature = temperature;
	}

	public LocalDateTime getAt() {
		return at;
	}

	public void setAt(LocalDateTime at) {
		this.at = at;
	}

	public LocalDateTime getExpiresAt() {
		return expiresAt;
	}

	public void setExpiresAt(LocalDateTime expiresAt) {
		this.expiresAt = expiresAt;
	}

}
