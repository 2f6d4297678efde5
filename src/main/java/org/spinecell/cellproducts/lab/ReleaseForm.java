package org.spinecell.cellproducts.lab;

import org.spinecell.cellproducts.CellProductRequests;
import org.spinecell.cellproducts.ProductReleaseService;

/** The release of the product under the signer's password and the meaning of the signature. */
class ReleaseForm {

	private String meaning = ProductReleaseService.RELEASE_MEANING;

	private String password;

	CellProductRequests.Release toRequest() {
		return new CellProductRequests.Release(password == null || password.isEmpty() ? null : password, meaning);
	}

	public String getMeaning() {
		return meaning;
	}

	public void setMeaning(String meaning) {
		this.meaning = meaning;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

}
