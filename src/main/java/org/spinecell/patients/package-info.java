/**
 * Patient intake: the patient record, spine diagnoses coded in ICD-10-CM with their levels,
 * imaging findings, prior treatments, consents and the explainable candidacy screening that
 * decides whether a patient may go on to cell therapy. Every record belongs to one clinic.
 */
package org.spinecell.patients;
