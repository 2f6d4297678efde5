package org.spinecell.patients;

import java.util.ArrayList;
import java.util.List;

/**
 * The regions of the spine as ICD-10-CM names them, each with the levels a diagnosis coded for the
 * region may name. The levels are data: the first and last vertebra and the first and last segment.
 */
public enum SpineRegion {

	CERVICAL("C1", "C7", "C1-C2", "C7-T1"),
	CERVICOTHORACIC("C7", "T1", "C7-T1", "C7-T1"),
	THORACIC("T1", "T12", "T1-T2", "T12-L1"),
	THORACOLUMBAR("T10", "L2", "T10-T11", "L1-L2"),
	LUMBAR("L1", "L5", "T12-L1", "L4-L5"),
	LUMBOSACRAL("L5", "S1", "L4-L5", "L5-S1"),
	/** Only the S1 vertebra: SpineCell records no level below it, so the region has no segment. */
	SACRAL("S1", "S1", null, null);

	private final SpinalLevel firstVertebra;

	private final SpinalLevel lastVertebra;

	private final SpinalLevel firstSegment;

	private final SpinalLevel lastSegment;

	SpineRegion(String firstVertebra, String lastVertebra, String firstSegment, String lastSegment) {
		this.firstVertebra = SpinalLevel.parse(firstVertebra);
		this.lastVertebra = SpinalLevel.parse(lastVertebra);
		this.firstSegment = firstSegment == null ? null : SpinalLevel.parse(firstSegment);
		this.lastSegment = lastSegment == null ? null : SpinalLevel.parse(lastSegment);
	}

	/** Whether a diagnosis coded for this region may name the level. */
	public boolean allows(SpinalLevel level) {
		if (level.isSegment()) {
			return firstSegment != null && level.isWithin(firstSegment, lastSegment);
		}
		return level.isWithin(firstVertebra, lastVertebra);
	}

	/** Every level the region allows: its vertebrae from the top down, then its segments. */
	public List<SpinalLevel> levels() {
		List<SpinalLevel> levels = new ArrayList<>(SpinalLevel.range(firstVertebra, lastVertebra));
		if (firstSegment != null) {
			levels.addAll(SpinalLevel.range(firstSegment, lastSegment));
		}
		return List.copyOf(levels);
	}

}
