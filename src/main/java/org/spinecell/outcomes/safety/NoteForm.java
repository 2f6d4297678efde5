package org.spinecell.outcomes.safety;

/** A note with the version it was written against: the completion of a safety task. */
class NoteForm {

	private String note;

	private Integer version;

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
