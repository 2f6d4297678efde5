package org.spinecell.cellproducts.lab;

import org.spinecell.cellproducts.CellProductRequests;

/** The IND or BLA number of a 351 product. */
class IndForm {

	private String indNumber;

	CellProductRequests.Ind toRequest() {
		return new CellProductRequests.Ind(indNumber == null ? null : indNumber.strip());
	}

	public String getIndNumber() {
		return indNumber;
	}

	public void setIndNumber(String indNumber) {
		this.indNumber = indNumber;
	}

}
