package org.spinecell.cellproducts;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceTypeTests {

	@Test
	void embryonicIpscAndEngineeredProductsAreResearchOnlyWithEthicsApprovalAndAnInd() {
		assertThat(Arrays.stream(SourceType.values()).filter(SourceType::researchOnly))
			.containsExactlyInAnyOrder(SourceType.ESC_DERIVED, SourceType.IPSC_DERIVED, SourceType.ENGINEERED);
		for (SourceType type : SourceType.values()) {
			assertThat(type.ethicsApprovalRequired()).as(type.name()).isEqualTo(type.researchOnly());
			assertThat(type.indRequired()).as(type.name()).isEqualTo(type.researchOnly());
		}
	}

	@Test
	void eachSourceTypeHasItsTissue() {
		assertThat(SourceType.BMAC.tissue()).isEqualTo(Tissue.BONE_MARROW);
		assertThat(SourceType.ADIPOSE_MICROFRAGMENTED.tissue()).isEqualTo(Tissue.ADIPOSE);
		assertThat(SourceType.ADIPOSE_SVF.tissue()).isEqualTo(Tissue.ADIPOSE);
		assertThat(SourceType.BIRTH_TISSUE.tissue()).isEqualTo(Tissue.PLACENTA);
		assertThat(SourceType.ESC_DERIVED.tissue()).isEqualTo(Tissue.EMBRYONIC_STEM_CELL);
		assertThat(SourceType.IPSC_DERIVED.tissue()).isEqualTo(Tissue.IPSC);
		for (SourceType type : SourceType.values()) {
			assertThat(type.tissues()).as(type.name()).contains(type.tissue());
		}
	}

	@Test
	void birthTissueKeepsCordBloodApartFromCordTissue() {
		assertThat(SourceType.BIRTH_TISSUE.tissues()).containsExactlyInAnyOrder(Tissue.PLACENTA, Tissue.UMBILICAL_CORD,
				Tissue.CORD_BLOOD);
	}

	@Test
	void engineeredProductsMayComeFromAnyTissueAndDonor() {
		assertThat(SourceType.ENGINEERED.tissues()).containsExactlyInAnyOrder(Tissue.values());
		assertThat(SourceType.ENGINEERED.origins()).containsExactlyInAnyOrder(Origin.values());
	}

	@Test
	void pointOfCareProductsAreTheirOwnPatientsCells() {
		assertThat(SourceType.BMAC.origins()).containsExactly(Origin.AUTOLOGOUS);
		assertThat(SourceType.ADIPOSE_SVF.origins()).containsExactly(Origin.AUTOLOGOUS);
		assertThat(SourceType.ALLOGENEIC_MSC.origins()).containsExactly(Origin.ALLOGENEIC);
	}

	@Test
	void onlyEmbryonicIpscAndEngineeredSourceTypesReachThoseTissues() {
		for (SourceType type : SourceType.values()) {
			if (!type.researchOnly()) {
				assertThat(type.tissues()).as(type.name()).doesNotContain(Tissue.EMBRYONIC_STEM_CELL, Tissue.IPSC);
			}
		}
	}

	@Test
	void highRiskRoutesAreTheSystemicNervousEyeAndLungRoutes() {
		assertThat(Arrays.stream(Route.values()).filter(Route::isHighRisk)).containsExactlyInAnyOrder(
				Route.INTRAVENOUS, Route.INTRATHECAL, Route.INTRAOCULAR, Route.INHALED);
	}

}
