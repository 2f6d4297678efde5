package org.spinecell.cellproducts.label;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import org.spinecell.cellproducts.Din;

/**
 * What a cell-product label shows, already worded for people; {@link ProductLabel} lays it out.
 *
 * @param din the donation identification number, printed eye-readable and as bar codes
 * @param productDescription the product as people name it, e.g. "Bone marrow aspirate
 * concentrate (BMAC)"
 * @param volume the volume with its unit, e.g. "8.0 mL"
 * @param collectedAt when the cells were collected
 * @param expiresAt when the product expires; not before {@code collectedAt}
 * @param zone the time zone the times are printed in, named on the label
 * @param storage the storage instruction, e.g. "Store at 15–25 °C. Do not refrigerate."
 * @param regulatoryStatus e.g. "PHS Act 361 HCT/P" or an IND statement
 * @param autologous the patient the product belongs to; {@code null} for an allogeneic product,
 * whose label names no patient
 * @param facilityName the facility that collected or processed the product
 * @param warning an extra line, e.g. "For research use only"; optional, {@code null} or blank for
 * none
 */
public record LabelData(Din din, String productDescription, String volume, Instant collectedAt, Instant expiresAt,
		ZoneId zone, String storage, String regulatoryStatus, Autologous autologous, String facilityName,
		String warning) {

	/**
	 * @throws NullPointerException if a required component is missing
	 * @throws IllegalArgumentException if the product expires before it was collected
	 */
	public LabelData {
		Objects.requireNonNull(din, "din");
		Objects.requireNonNull(productDescription, "productDescription");
		Objects.requireNonNull(volume, "volume");
		Objects.requireNonNull(collectedAt, "collectedAt");
		Objects.requireNonNull(expiresAt, "expiresAt");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(storage, "storage");
		Objects.requireNonNull(regulatoryStatus, "regulatoryStatus");
		Objects.requireNonNull(facilityName, "facilityName");
		if (expiresAt.isBefore(collectedAt)) {
			throw new IllegalArgumentException("expiresAt " + expiresAt + " is before collectedAt " + collectedAt);
		}
		warning = warning == null || warning.isBlank() ? null : warning.strip();
	}

	/** Whether the label is for the patient's own cells and so names the patient. */
	public boolean isAutologous() {
		return autologous != null;
	}

	/**
	 * The patient an autologous product must go back to.
	 *
	 * @param patientName the name as it is to be checked at the bedside
	 * @param mrn the medical record number
	 * @param birthDate the date of birth
	 */
	public record Autologous(String patientName, String mrn, LocalDate birthDate) {

		/** @throws NullPointerException if an identifier is missing */
		public Autologous {
			Objects.requireNonNull(patientName, "patientName");
			Objects.requireNonNull(mrn, "mrn");
			Objects.requireNonNull(birthDate, "birthDate");
		}

	}

}
