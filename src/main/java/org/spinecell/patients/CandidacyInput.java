package org.spinecell.patients;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.spinecell.patients.candidacy.InputKind;
import org.spinecell.platform.Refusal;

/**
 * Everything a candidacy screening reads: the clinician's checklist answers and facts the caller
 * derived from the patient's record. A checklist item that is absent or {@code null} was not
 * answered; an unanswered standard item can never lead to an eligible decision.
 *
 * @param checklist answers by item name (letters only); {@code null} values mean not answered
 * @param facts facts derived from the record
 */
public record CandidacyInput(Map<String, Boolean> checklist, Facts facts) {

	/** The contraindication and red-flag questions every screening must answer. */
	public static final List<String> STANDARD_CHECKLIST = List.of("activeInfection", "activeMalignancy", "pregnancy",
			"bleedingRisk", "allergyToProductComponents", "caudaEquinaSymptoms", "progressiveNeurologicalDeficit",
			"unstableFracture", "myelopathy");

	public static final List<String> CONDITION_FAMILIES = List.of("DEGENERATIVE_DISC_DISEASE", "HERNIATED_DISC",
			"SPINAL_STENOSIS", "FACET_ARTHROPATHY", "TRAUMATIC_INJURY", "LOW_BACK_PAIN");

	public static final List<String> STENOSIS_GRADES = List.of("NONE", "MILD", "MODERATE", "SEVERE");

	private static final List<String> SEXES = Arrays.stream(Sex.values()).map(Sex::name).toList();

	private static final Pattern CHECKLIST_ITEM = Pattern.compile("[A-Za-z]{1,60}");

	private static final String CHECKLIST_PREFIX = "checklist.";

	/** Every fact a rule may read, in {@link #asMap()} order, with its kind. */
	private static final Map<String, InputKind> FACTS = orderedMap("facts.age", InputKind.WHOLE_NUMBER, "facts.sex",
			InputKind.CODE, "facts.activeDiagnoses", InputKind.WHOLE_NUMBER, "facts.conditionFamilies",
			InputKind.CODE_SET, "facts.maxSymptomDurationMonths", InputKind.WHOLE_NUMBER,
			"facts.worstPfirrmannFiveGrade", InputKind.WHOLE_NUMBER, "facts.worstModicType", InputKind.WHOLE_NUMBER,
			"facts.worstStenosisGrade", InputKind.CODE, "facts.extrusionOrSequestration", InputKind.YES_NO,
			"facts.failedConservativeTreatments", InputKind.WHOLE_NUMBER, "facts.conservativeTreatmentMonths",
			InputKind.WHOLE_NUMBER, "facts.priorSpineSurgery", InputKind.YES_NO, "facts.recentTraumaInitialEncounter",
			InputKind.YES_NO);

	private static final Map<String, List<String>> CODES = Map.of("facts.sex", SEXES, "facts.conditionFamilies",
			CONDITION_FAMILIES, "facts.worstStenosisGrade", STENOSIS_GRADES);

	public CandidacyInput {
		if (facts == null) {
			throw new IllegalArgumentException("facts are required");
		}
		Map<String, Boolean> given = checklist == null ? Map.of() : checklist;
		for (String item : given.keySet()) {
			if (item == null || !CHECKLIST_ITEM.matcher(item).matches()) {
				throw Refusal.invalid("checklist", "checklist item names must be 1 to 60 letters");
			}
		}
		// Standard items first, then any others by name, so stored inputs read the same every time.
		Map<String, Boolean> ordered = new LinkedHashMap<>();
		STANDARD_CHECKLIST.stream().filter(given::containsKey).forEach(item -> ordered.put(item, given.get(item)));
		new TreeSet<>(given.keySet()).forEach(item -> ordered.putIfAbsent(item, given.get(item)));
		checklist = Collections.unmodifiableMap(ordered);
	}

	/** The standard checklist items that are absent or {@code null}, in checklist order. */
	public List<String> unansweredChecklistItems() {
		return STANDARD_CHECKLIST.stream().filter(item -> checklist.get(item) == null).toList();
	}

	/**
	 * Every checklist item (as {@code checklist.<item>}, standard items always present, {@code null}
	 * when unanswered) and every fact (as {@code facts.<name>}): what rules read and what is stored
	 * with each decision as its inputs.
	 */
	public Map<String, Object> asMap() {
		Map<String, Object> values = new LinkedHashMap<>();
		STANDARD_CHECKLIST.forEach(item -> values.put(CHECKLIST_PREFIX + item, checklist.get(item)));
		checklist.forEach((item, answer) -> values.putIfAbsent(CHECKLIST_PREFIX + item, answer));
		values.put("facts.age", facts.age());
		values.put("facts.sex", facts.sex());
		values.put("facts.activeDiagnoses", facts.activeDiagnoses());
		values.put("facts.conditionFamilies", facts.conditionFamilies());
		values.put("facts.maxSymptomDurationMonths", facts.maxSymptomDurationMonths());
		values.put("facts.worstPfirrmannFiveGrade", facts.worstPfirrmannFiveGrade());
		values.put("facts.worstModicType", facts.worstModicType());
		values.put("facts.worstStenosisGrade", facts.worstStenosisGrade());
		values.put("facts.extrusionOrSequestration", facts.extrusionOrSequestration());
		values.put("facts.failedConservativeTreatments", facts.failedConservativeTreatments());
		values.put("facts.conservativeTreatmentMonths", facts.conservativeTreatmentMonths());
		values.put("facts.priorSpineSurgery", facts.priorSpineSurgery());
		values.put("facts.recentTraumaInitialEncounter", facts.recentTraumaInitialEncounter());
		return Collections.unmodifiableMap(values);
	}

	/** The names of all facts, in {@link #asMap()} order. */
	public static Set<String> factNames() {
		return FACTS.keySet();
	}

	/** The kind of a named input, or {@code null} when no input has that name. */
	public static InputKind kindOf(String input) {
		if (input.startsWith(CHECKLIST_PREFIX)) {
			return CHECKLIST_ITEM.matcher(input.substring(CHECKLIST_PREFIX.length())).matches() ? InputKind.YES_NO
					: null;
		}
		return FACTS.get(input);
	}

	/** The values a {@link InputKind#CODE} or {@link InputKind#CODE_SET} input can take. */
	public static List<String> codesOf(String input) {
		return CODES.getOrDefault(input, List.of());
	}

	private static Map<String, InputKind> orderedMap(Object... namesAndKinds) {
		Map<String, InputKind> map = new LinkedHashMap<>();
		for (int i = 0; i < namesAndKinds.length; i += 2) {
			map.put((String) namesAndKinds[i], (InputKind) namesAndKinds[i + 1]);
		}
		return Collections.unmodifiableMap(map);
	}

	/**
	 * Facts the caller derives from the patient's record. Unknown values are {@code null} where the
	 * type allows it; rules test for them with {@code isNull}.
	 *
	 * @param age age in whole years on the screening day
	 * @param sex a {@link Sex} name, or {@code null}
	 * @param activeDiagnoses the number of active (not resolved, not voided) spine diagnoses
	 * @param conditionFamilies the families of those diagnoses, from {@link #CONDITION_FAMILIES}
	 * @param maxSymptomDurationMonths the longest symptom duration in months, {@code null} if unknown
	 * @param worstPfirrmannFiveGrade the worst Pfirrmann grade (1–5) on imaging, 8-grade findings mapped
	 * to the 5-grade scale by the caller; {@code null} if none graded
	 * @param worstModicType the worst Modic type (1–3), {@code null} if none
	 * @param worstStenosisGrade the worst stenosis grade from {@link #STENOSIS_GRADES}, {@code null} if none graded
	 * @param extrusionOrSequestration whether imaging shows a disc extrusion or sequestration
	 * @param failedConservativeTreatments medication, physical therapy or injection courses with no or a
	 * partial response
	 * @param conservativeTreatmentMonths the total months of those courses
	 * @param priorSpineSurgery whether any spine surgery is recorded
	 * @param recentTraumaInitialEncounter whether a traumatic spine injury is recorded at its initial
	 * encounter (ICD-10-CM seventh character A)
	 */
	public record Facts(int age, String sex, int activeDiagnoses, Set<String> conditionFamilies,
			Integer maxSymptomDurationMonths, Integer worstPfirrmannFiveGrade, Integer worstModicType,
			String worstStenosisGrade, boolean extrusionOrSequestration, int failedConservativeTreatments,
			int conservativeTreatmentMonths, boolean priorSpineSurgery, boolean recentTraumaInitialEncounter) {

		public Facts {
			List<String> problems = new ArrayList<>();
			check(problems, age >= 0 && age <= 150, "age must be 0 to 150");
			check(problems, sex == null || SEXES.contains(sex), "sex must be one of " + SEXES);
			check(problems, activeDiagnoses >= 0, "activeDiagnoses must not be negative");
			Set<String> families = conditionFamilies == null ? Set.of() : conditionFamilies;
			check(problems, CONDITION_FAMILIES.containsAll(families),
					"conditionFamilies must come from " + CONDITION_FAMILIES);
			check(problems, maxSymptomDurationMonths == null || maxSymptomDurationMonths >= 0,
					"maxSymptomDurationMonths must not be negative");
			check(problems, within(worstPfirrmannFiveGrade, 1, 5), "worstPfirrmannFiveGrade must be 1 to 5");
			check(problems, within(worstModicType, 0, 3), "worstModicType must be 0 (no change) to 3");
			check(problems, worstStenosisGrade == null || STENOSIS_GRADES.contains(worstStenosisGrade),
					"worstStenosisGrade must be one of " + STENOSIS_GRADES);
			check(problems, failedConservativeTreatments >= 0, "failedConservativeTreatments must not be negative");
			check(problems, conservativeTreatmentMonths >= 0, "conservativeTreatmentMonths must not be negative");
			if (!problems.isEmpty()) {
				throw new IllegalArgumentException(String.join("; ", problems));
			}
			// Sorted, so the stored inputs list the families in the same order every time.
			conditionFamilies = Collections.unmodifiableSortedSet(new TreeSet<>(families));
		}

		private static boolean within(Integer value, int lowest, int highest) {
			return value == null || value >= lowest && value <= highest;
		}

		private static void check(List<String> problems, boolean holds, String problem) {
			if (!holds) {
				problems.add(problem);
			}
		}

	}

}
