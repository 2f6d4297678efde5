package org.spinecell.procedures;

import java.util.ArrayList;
import java.util.List;

/** The time-out before the injection: identity, each unit's DIN as typed or scanned, the levels. */
class TimeOutForm {

	private boolean patientIdentityConfirmed;

	private boolean levelsConfirmed;

	private List<String> dins = new ArrayList<>();

	private List<RemainderRow> remainders = new ArrayList<>();

	static TimeOutForm blank(int units) {
		TimeOutForm form = new TimeOutForm();
		for (int i = 0; i < units; i++) {
			form.dins.add("");
		}
		return form;
	}

	String din(int index) {
		String din = dins == null || index >= dins.size() || dins.get(index) == null ? "" : dins.get(index);
		return din.strip();
	}

	RemainderRow remainder(int index) {
		if (remainders == null || index >= remainders.size() || remainders.get(index) == null) {
			return new RemainderRow();
		}
		return remainders.get(index);
	}

	public boolean isPatientIdentityConfirmed() {
		return patientIdentityConfirmed;
	}

	public void setPatientIdentityConfirmed(boolean patientIdentityConfirmed) {
		this.patientIdentityConfirmed = patientIdentityConfirmed;
	}

	public boolean isLevelsConfirmed() {
		return levelsConfirmed;
	}

	public void setLevelsConfirmed(boolean levelsConfirmed) {
		this.levelsConfirmed = levelsConfirmed;
	}

	public List<String> getDins() {
		return dins;
	}

	public void setDins(List<String> dins) {
		this.dins = dins;
	}

	public List<RemainderRow> getRemainders() {
		return remainders;
	}

	public void setRemainders(List<RemainderRow> remainders) {
		this.remainders = remainders;
	}

}
