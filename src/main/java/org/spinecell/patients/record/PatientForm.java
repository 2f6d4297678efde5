package org.spinecell.patients.record;

import java.time.LocalDate;
import java.util.UUID;

import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientRequest;
import org.spinecell.patients.Sex;

import org.springframework.format.annotation.DateTimeFormat;

/** The registration and edit form; validated through {@link PatientRequest}'s constraints. */
class PatientForm {

	private UUID clinicId;

	private String mrn;

	private String givenName;

	private String familyName;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate birthDate;

	private Sex sex;

	private String postalCode;

	private String email;

	private String phone;

	private String preferredLanguage = "en";

	private Integer version;

	static PatientForm of(Patient patient) {
		PatientForm form = new PatientForm();
		form.clinicId = patient.clinicId();
		form.mrn = patient.mrn();
		form.givenName = patient.givenName();
		form.familyName = patient.familyName();
		form.birthDate = patient.birthDate();
		form.sex = patient.sex();
		form.postalCode = patient.postalCode();
		form.email = patient.email();
		form.phone = patient.phone();
		form.preferredLanguage = patient.preferredLanguage();
		form.version = patient.version();
		return form;
	}

	PatientRequest toRequest() {
		return new PatientRequest(clinicId, mrn, givenName, familyName, birthDate, sex, postalCode, email, phone,
				preferredLanguage, version);
	}

	public UUID getClinicId() {
		return clinicId;
	}

	public void setClinicId(UUID clinicId) {
		this.clinicId = clinicId;
	}

	public String getMrn() {
		return mrn;
	}

	public void setMrn(String mrn) {
		this.mrn = mrn;
	}

	public String getGivenName() {
		return givenName;
	}

	public void setGivenName(String givenName) {
		this.givenName = givenName;
	}

	public String getFamilyName() {
		return familyName;
	}

	public void setFamilyName(String familyName) {
		this.familyName = familyName;
	}

	public LocalDate getBirthDate() {
		return birthDate;
	}

	public void setBirthDate(LocalDate birthDate) {
		this.birthDate = birthDate;
	}

	public Sex getSex() {
		return sex;
	}

	public void setSex(Sex sex) {
		this.sex = sex;
	}

	public String getPostalCode() {
		return postalCode;
	}

	public void setPostalCode(String postalCode) {
		this.postalCode = postalCode;
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getPreferredLanguage() {
		return preferredLanguage;
	}

	public void setPreferredLanguage(String preferredLanguage) {
		this.preferredLanguage = preferredLanguage;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
