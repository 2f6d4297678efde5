package org.spinecell.patients;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

/**
 * The words the history pages show for coded values: enum constants, Modic types and the spinal
 * levels offered on forms. Most constants read well as they are once lower-cased; the few that do
 * not are listed here.
 */
@Component
public class HistoryLabels {

	private static final Map<Enum<?>, String> SPECIAL = Map.ofEntries(
			Map.entry(ImagingFinding.Modality.MRI, "MRI"), Map.entry(ImagingFinding.Modality.CT, "CT"),
			Map.entry(ImagingFinding.Modality.XRAY, "X-ray"),
			Map.entry(ImagingFinding.PfirrmannScale.FIVE_GRADE, "Pfirrmann, grades 1–5"),
			Map.entry(ImagingFinding.PfirrmannScale.EIGHT_GRADE, "Modified Pfirrmann, grades 1–8"),
			Map.entry(ConsentType.TREATMENT, "Cell-therapy treatment"),
			Map.entry(ConsentType.REGISTRY, "Outcomes registry"),
			Map.entry(ConsentType.RESEARCH, "Research use of data"), Map.entry(ConsentType.TRIAL, "Clinical trial"));

	private static final List<String> MODIC = List.of("None (type 0)", "Type 1 — oedema", "Type 2 — fatty",
			"Type 3 — sclerosis");

	/** A constant in words: {@code PHYSICAL_THERAPY} is "Physical therapy"; null is empty. */
	public String of(Enum<?> value) {
		if (value == null) {
			return "";
		}
		String special = SPECIAL.get(value);
		if (special != null) {
			return special;
		}
		String words = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** A Modic endplate type in words. */
	public String modic(Integer type) {
		return type == null || type < 0 || type >= MODIC.size() ? "" : MODIC.get(type);
	}

	/** The options of a select for an enum's constants, in declaration order: name to words. */
	public <E extends Enum<E>> Map<String, String> options(E[] values) {
		Map<String, String> options = new LinkedHashMap<>();
		for (E value : values) {
			options.put(value.name(), of(value));
		}
		return options;
	}

	/** The options of the Modic select: the type number to words. */
	public Map<String, String> modicOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < MODIC.size(); i++) {
			options.put(Integer.toString(i), MODIC.get(i));
		}
		return options;
	}

	/**
	 * Every level SpineCell records, grouped for a select: the motion segments of each part of the
	 * spine, then the single vertebrae.
	 */
	public Map<String, List<String>> levelGroups() {
		Map<String, List<String>> groups = segmentGroups();
		groups.put("Single vertebrae", vertebrae());
		return groups;
	}

	/** The motion segments (such as L4-L5), grouped by the part of the spine their upper vertebra is in. */
	public Map<String, List<String>> segmentGroups() {
		TreeSet<SpinalLevel> all = allLevels();
		Map<String, List<String>> groups = new LinkedHashMap<>();
		groups.put("Cervical", segmentsFrom(all, 'C'));
		groups.put("Thoracic", segmentsFrom(all, 'T'));
		groups.put("Lumbar", segmentsFrom(all, 'L'));
		return groups;
	}

	/**
	 * Each level with the regions whose codes may name it, space-separated ({@code L5-S1} is
	 * "LUMBOSACRAL"), so the form can offer only the levels the chosen code allows.
	 */
	public Map<String, String> levelRegions() {
		Map<String, String> regions = new LinkedHashMap<>();
		for (SpinalLevel level : allLevels()) {
			regions.put(level.toString(), String.join(" ", java.util.Arrays.stream(SpineRegion.values())
				.filter(region -> region.allows(level))
				.map(SpineRegion::name)
				.toList()));
		}
		return regions;
	}

	/** The single vertebrae (such as L1), from the top down. */
	public List<String> vertebrae() {
		return allLevels().stream().filter(level -> !level.isSegment()).map(SpinalLevel::toString).toList();
	}

	/** The levels come from the regions, so every level a region allows is offered. */
	private static TreeSet<SpinalLevel> allLevels() {
		TreeSet<SpinalLevel> all = new TreeSet<>();
		for (SpineRegion region : SpineRegion.values()) {
			all.addAll(region.levels());
		}
		return all;
	}

	/** The segments whose upper vertebra lies in the part of the spine named by its letter. */
	private static List<String> segmentsFrom(TreeSet<SpinalLevel> all, char part) {
		return all.stream()
			.filter(SpinalLevel::isSegment)
			.map(SpinalLevel::toString)
			.filter(name -> name.charAt(0) == part)
			.toList();
	}

}
