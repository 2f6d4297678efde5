package org.spinecell.procedures;

import org.spinecell.cellproducts.ProductCustodyService.RemainderAction;

/** What became of a product's remaining volume. */
public class RemainderRow {

	private RemainderAction action;

	private String location;

	public RemainderAction getAction() {
		return action;
	}

	public void setAction(RemainderAction action) {
		this.action = action;
	}

	public String getLocation() {
		return location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

}
