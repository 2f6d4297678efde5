package org.spinecell.patients;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Builds candidacy inputs for tests, starting from a candidate no default rule objects to. */
final class CandidacyInputFixture {

	private final Map<String, Boolean> checklist = new LinkedHashMap<>();

	private int age = 45;

	private String sex = "FEMALE";

	private int activeDiagnoses = 1;

	private Set<String> conditionFamilies = Set.of("DEGENERATIVE_DISC_DISEASE");

	private Integer maxSymptomDurationMonths = 18;

	private Integer worstPfirrmannFiveGrade = 3;

	private Integer worstModicType = null;

	private String worstStenosisGrade = "MILD";

	private boolean extrusionOrSequestration = false;

	private int failedConservativeTreatments = 2;

	private int conservativeTreatmentMonths = 8;

	private boolean priorSpineSurgery = false;

	private boolean recentTraumaInitialEncounter = false;

	private CandidacyInputFixture() {
		CandidacyInput.STANDARD_CHECKLIST.forEach(item -> checklist.put(item, false));
	}

	/** Adult, one degenerative disc diagnosis for 18 months, two failed conservative treatments, all answers no. */
	static CandidacyInputFixture anEligibleCandidate() {
		return new CandidacyInputFixture();
	}

	CandidacyInputFixture withAnswer(String item, Boolean answer) {
		checklist.put(item, answer);
		return this;
	}

	CandidacyInputFixture withYes(String item) {
		return withAnswer(item, true);
	}

	/** Leaves the item out of the checklist altogether. */
	CandidacyInputFixture withoutAnswer(String item) {
		checklist.remove(item);
		return this;
	}

	CandidacyInputFixture withAge(int age) {
		this.age = age;
		return this;
	}

	CandidacyInputFixture withSex(String sex) {
		this.sex = sex;
		return this;
	}

	CandidacyInputFixture withActiveDiagnoses(int activeDiagnoses) {
		this.activeDiagnoses = activeDiagnoses;
		return this;
	}

	CandidacyInputFixture withConditionFamilies(String... families) {
		this.conditionFamilies = Set.of(families);
		return this;
	}

	CandidacyInputFixture withSymptomMonths(Integer months) {
		this.maxSymptomDurationMonths = months;
		return this;
	}

	CandidacyInputFixture withPfirrmann(Integer grade) {
		this.worstPfirrmannFiveGrade = grade;
		return this;
	}

	CandidacyInputFixture withModic(Integer type) {
		this.worstModicType = type;
		return this;
	}

	CandidacyInputFixture withStenosis(String grade) {
		this.worstStenosisGrade = grade;
		return this;
	}

	CandidacyInputFixture withExtrusionOrSequestration() {
		this.extrusionOrSequestration = true;
		return this;
	}

	CandidacyInputFixture withFailedConservativeTreatments(int count, int months) {
		this.failedConservativeTreatments = count;
		this.conservativeTreatmentMonths = months;
		return this;
	}

	CandidacyInputFixture withPriorSpineSurgery() {
		this.priorSpineSurgery = true;
		return this;
	}

	CandidacyInputFixture withRecentTraumaInitialEncounter() {
		this.recentTraumaInitialEncounter = true;
		return this;
	}

	CandidacyInput build() {
		return new CandidacyInput(checklist,
				new CandidacyInput.Facts(age, sex, activeDiagnoses, conditionFamilies, maxSymptomDurationMonths,
						worstPfirrmannFiveGrade, worstModicType, worstStenosisGrade, extrusionOrSequestration,
						failedConservativeTreatments, conservativeTreatmentMonths, priorSpineSurgery,
						recentTraumaInitialEncounter));
	}

}
