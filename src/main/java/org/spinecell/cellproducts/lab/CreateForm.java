package org.spinecell.cellproducts.lab;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.spinecell.cellproducts.Additive;
import org.spinecell.cellproducts.CellProductRequests;
import org.spinecell.cellproducts.IntendedUse;
import org.spinecell.cellproducts.Origin;
import org.spinecell.cellproducts.Route;
import org.spinecell.cellproducts.SourceType;
import org.spinecell.cellproducts.Tissue;

/** The registration form of a new product; patients are named by their MRN. */
class CreateForm {

	private UUID clinicId;

	private Origin origin = Origin.AUTOLOGOUS;

	private String patientMrn;

	private UUID donorId;

	private String recipientMrn;

	private SourceType sourceType;

	private Tissue tissue;

	private IntendedUse intendedUse;

	private Route route;

	private boolean sameSurgicalProcedure;

	private Set<Additive> additives = EnumSet.noneOf(Additive.class);

	CellProductRequests.Create toRequest(UUID patientId, UUID recipientPatientId) {
		return new CellProductRequests.Create(clinicId, origin, patientId, donorId, recipientPatientId, sourceType,
				tissue, intendedUse, route, sameSurgicalProcedure, additives);
	}

	public UUID getClinicId() {
		return clinicId;
	}

	public void setClinicId(UUID clinicId) {
		this.clinicId = clinicId;
	}

	public Origin getOrigin() {
		return origin;
	}

	public void setOrigin(Origin origin) {
		this.origin = origin;
	}

	public String getPatientMrn() {
		return patientMrn;
	}

	public void setPatientMrn(String patientMrn) {
		this.patientMrn = patientMrn;
	}

	public UUID getDonorId() {
		return donorId;
	}

	public void setDonorId(UUID donorId) {
		this.donorId = donorId;
	}

	public String getRecipientMrn() {
		return recipientMrn;
	}

	public void setRecipientMrn(String recipientMrn) {
		this.recipientMrn = recipientMrn;
	}

	public SourceType getSourceType() {
		return sourceType;
	}

	public void setSourceType(SourceType sourceType) {
		this.sourceType = sourceType;
	}

	public Tissue getTissue() {
		return tissue;
	}

	public void setTissue(Tissue tissue) {
		this.tissue = tissue;
	}

	public IntendedUse getIntendedUse() {
		return intendedUse;
	}

	public void setIntendedUse(IntendedUse intendedUse) {
		this.intendedUse = intendedUse;
	}

	public Route getRoute() {
		return route;
	}

	public void setRoute(Route route) {
		this.route = route;
	}

	public boolean isSameSurgicalProcedure() {
		return sameSurgicalProcedure;
	}

	public void setSameSurgicalProcedure(boolean sameSurgicalProcedure) {
		this.sameSurgicalProcedure = sameSurgicalProcedure;
	}

	public Set<Additive> getAdditives() {
		return additives;
	}

	public void setAdditives(Set<Additive> additives) {
		this.additives = additives == null ? EnumSet.noneOf(Additive.class) : additives;
	}

}
