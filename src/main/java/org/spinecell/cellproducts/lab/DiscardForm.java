package org.spinecell.cellproducts.lab;

import org.spinecell.cellproducts.CellProductRequests;

/** Discarding the product, with the reason. */
class DiscardForm {

	private String reason;

	CellProductRequests.Discard toRequest() {
		return new CellProductRequests.Discard(reason == null ? null : reason.strip());
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}
