/**
 * Patient intake: the patient record, spine diagnoses coded in ICD-10-CM with their levels,
 * imaging findings, prior treatments, consents and the explainable candidacy screening that
 * decides whether a patient may go on to cell therapy. Every record belongs to one clinic. The
 * module root holds what other modules use (the patient and its services, the history records
 * and their services, candidacy decisions, record access); the features live in sub-packages:
 * <ul>
 * <li>{@code record}: the patient list, registration and edit pages, the patient API, its SQL and search;</li>
 * <li>{@code history}: diagnoses, imaging, prior treatments and consents (pages, API, SQL, rules), the
 * ICD-10 catalogue and the history sections of the chart;</li>
 * <li>{@code candidacy}: the candidacy rules, rule sets and their JSON format, the screening pages and API;</li>
 * <li>{@code breakglass}: emergency access to a patient of another clinic, its grants, review and read log.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patients",
		allowedDependencies = { "platform", "audit", "accounts" })
package org.spinecell.patients;
