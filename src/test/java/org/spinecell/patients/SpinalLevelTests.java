package org.spinecell.patients;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Spinal levels: what parses, what each level's region is, and which levels each region allows. */
class SpinalLevelTests {

	@Test
	void segmentsBetweenAdjacentVertebraeParseIncludingTheJunctions() {
		for (String text : List.of("C1-C2", "C4-C5", "C7-T1", "T1-T2", "T11-T12", "T12-L1", "L1-L2", "L4-L5",
				"L5-S1")) {
			SpinalLevel level = SpinalLevel.parse(text);
			assertThat(level.isSegment()).as(text).isTrue();
			assertThat(level).as(text).hasToString(text);
		}
	}

	@Test
	void singleVertebraeParseForFractures() {
		for (String text : List.of("C1", "C7", "T1", "T12", "L1", "L5", "S1")) {
			SpinalLevel level = SpinalLevel.parse(text);
			assertThat(level.isSegment()).as(text).isFalse();
			assertThat(level).as(text).hasToString(text);
		}
	}

	@Test
	void caseAndSurroundingSpaceAreForgivenAndTheCanonicalFormIsKept() {
		assertThat(SpinalLevel.parse(" l5-s1 ")).isEqualTo(SpinalLevel.parse("L5-S1")).hasToString("L5-S1");
		assertThat(SpinalLevel.parse("t12")).hasToString("T12");
	}

	@Test
	void vertebraeThatDoNotExistAreRefused() {
		for (String text : List.of("C0", "C8", "T0", "T13", "L0", "L6", "S2", "L05", "X1", "C7-T0", "L5-S2")) {
			assertThatIllegalArgumentException().as(text).isThrownBy(() -> SpinalLevel.parse(text));
		}
	}

	@Test
	void segmentsMustJoinAdjacentVertebraeTopDown() {
		assertThatIllegalArgumentException().isThrownBy(() -> SpinalLevel.parse("L3-L5"))
			.withMessageContaining("not adjacent");
		assertThatIllegalArgumentException().isThrownBy(() -> SpinalLevel.parse("L5-L4"));
		assertThatIllegalArgumentException().isThrownBy(() -> SpinalLevel.parse("L4-L4"));
		assertThatIllegalArgumentException().isThrownBy(() -> SpinalLevel.parse("C7-L1"));
		assertThatIllegalArgumentException().isThrownBy(() -> SpinalLevel.parse("T12-S1"));
	}

	@Test
	void textThatIsNotALevelIsRefusedWithAMessage() {
		for (String text : new String[] { null, "", "  ", "L4 L5", "L4/L5", "L4--L5", "L4-", "-L5", "4-5",
				"L4-L5-S1", "L4-L5; DROP TABLE", "L" + "1".repeat(50) }) {
			assertThatIllegalArgumentException().as(String.valueOf(text))
				.isThrownBy(() -> SpinalLevel.parse(text))
				.withMessageContaining("level");
		}
		assertThat(SpinalLevel.tryParse("L6")).isEmpty();
		assertThat(SpinalLevel.tryParse("L4-L5")).contains(SpinalLevel.parse("L4-L5"));
	}

	@Test
	void eachLevelKnowsItsRegionAndJunctionSegmentsBelongToTheJunction() {
		assertThat(SpinalLevel.parse("C5-C6").region()).isEqualTo(SpineRegion.CERVICAL);
		assertThat(SpinalLevel.parse("C2").region()).isEqualTo(SpineRegion.CERVICAL);
		assertThat(SpinalLevel.parse("C7-T1").region()).isEqualTo(SpineRegion.CERVICOTHORACIC);
		assertThat(SpinalLevel.parse("T6-T7").region()).isEqualTo(SpineRegion.THORACIC);
		assertThat(SpinalLevel.parse("T12-L1").region()).isEqualTo(SpineRegion.THORACOLUMBAR);
		assertThat(SpinalLevel.parse("L4-L5").region()).isEqualTo(SpineRegion.LUMBAR);
		assertThat(SpinalLevel.parse("L1").region()).isEqualTo(SpineRegion.LUMBAR);
		assertThat(SpinalLevel.parse("L5-S1").region()).isEqualTo(SpineRegion.LUMBOSACRAL);
		assertThat(SpinalLevel.parse("S1").region()).isEqualTo(SpineRegion.SACRAL);
	}

	@Test
	void levelsOrderFromTheTopOfTheSpineDown() {
		List<SpinalLevel> sorted = List.of("L5-S1", "C1", "T12-L1", "L4-L5", "C7-T1")
			.stream()
			.map(SpinalLevel::parse)
			.sorted()
			.toList();
		assertThat(sorted).extracting(SpinalLevel::toString).containsExactly("C1", "C7-T1", "T12-L1", "L4-L5", "L5-S1");
	}

	@Test
	void theCervicalRegionRunsFromC1ToTheC7T1Segment() {
		assertThat(names(SpineRegion.CERVICAL)).containsExactly("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C1-C2",
				"C2-C3", "C3-C4", "C4-C5", "C5-C6", "C6-C7", "C7-T1");
		assertRefuses(SpineRegion.CERVICAL, "T1", "T1-T2", "L4-L5");
	}

	@Test
	void theCervicothoracicRegionIsTheJunctionOnly() {
		assertThat(names(SpineRegion.CERVICOTHORACIC)).containsExactly("C7", "T1", "C7-T1");
		assertRefuses(SpineRegion.CERVICOTHORACIC, "C6-C7", "T1-T2");
	}

	@Test
	void theThoracicRegionRunsFromT1ToTheT12L1Segment() {
		assertThat(names(SpineRegion.THORACIC)).hasSize(12 + 12)
			.startsWith("T1", "T2")
			.contains("T12", "T1-T2", "T11-T12")
			.endsWith("T12-L1");
		assertRefuses(SpineRegion.THORACIC, "C7-T1", "L1", "L1-L2");
	}

	@Test
	void theThoracolumbarRegionRunsFromT10ToL2() {
		assertThat(names(SpineRegion.THORACOLUMBAR)).containsExactly("T10", "T11", "T12", "L1", "L2", "T10-T11",
				"T11-T12", "T12-L1", "L1-L2");
		assertRefuses(SpineRegion.THORACOLUMBAR, "T9", "T9-T10", "L3", "L2-L3");
	}

	@Test
	void theLumbarRegionRunsFromTheT12L1SegmentToL4L5() {
		assertThat(names(SpineRegion.LUMBAR)).containsExactly("L1", "L2", "L3", "L4", "L5", "T12-L1", "L1-L2",
				"L2-L3", "L3-L4", "L4-L5");
		assertRefuses(SpineRegion.LUMBAR, "L5-S1", "T12", "S1", "C5-C6");
	}

	@Test
	void theLumbosacralRegionIsL4L5L5S1AndItsVertebrae() {
		assertThat(names(SpineRegion.LUMBOSACRAL)).containsExactly("L5", "S1", "L4-L5", "L5-S1");
		assertRefuses(SpineRegion.LUMBOSACRAL, "L4", "L3-L4", "C5-C6");
	}

	@Test
	void theSacralRegionIsS1Only() {
		assertThat(names(SpineRegion.SACRAL)).containsExactly("S1");
		assertRefuses(SpineRegion.SACRAL, "L5-S1", "L5");
	}

	@Test
	void everyRegionAllowsExactlyTheLevelsItLists() {
		List<SpinalLevel> everyLevel = new ArrayList<>(SpineRegion.CERVICAL.levels());
		for (SpineRegion region : SpineRegion.values()) {
			everyLevel.addAll(region.levels());
		}
		for (SpineRegion region : SpineRegion.values()) {
			for (SpinalLevel level : everyLevel) {
				assertThat(region.allows(level)).as(region + " " + level).isEqualTo(region.levels().contains(level));
			}
		}
	}

	@Test
	void everyLevelLiesInTheRegionItReports() {
		for (SpineRegion region : SpineRegion.values()) {
			for (SpinalLevel level : region.levels()) {
				assertThat(level.region().allows(level)).as(level.toString()).isTrue();
			}
		}
	}

	private static List<String> names(SpineRegion region) {
		return region.levels().stream().map(SpinalLevel::toString).toList();
	}

	private static void assertRefuses(SpineRegion region, String... levels) {
		for (String level : levels) {
			assertThat(region.allows(SpinalLevel.parse(level))).as(region + " " + level).isFalse();
		}
	}

}
