package org.spinecell.patients;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Searching the ICD-10-CM spine catalogue. */
class Icd10CatalogueTests extends IntegrationTest {

	private static final String PATH = "/api/v1/codes/icd10";

	@Test
	void aCodePrefixFindsItsCodesWhateverTheCaseAndDots() {
		assertThat(codes(admin.get(PATH + "?q=m51.36"))).containsExactly("M51.360", "M51.361", "M51.362", "M51.369");
		assertThat(codes(admin.get(PATH + "?q=M5136"))).containsExactly("M51.360", "M51.361", "M51.362", "M51.369");
		assertThat(codes(admin.get(PATH + "?q=s33"))).containsExactly("S33.5XXA", "S33.5XXD");
	}

	@Test
	void descriptionWordsMustAllAppearInAnyCase() {
		assertThat(codes(admin.get(PATH + "?q=Annulus%20LUMBOSACRAL"))).containsExactly("M51.A3", "M51.A4", "M51.A5");
		assertThat(codes(admin.get(PATH + "?q=vertebrogenic"))).containsExactly("M54.51");
		assertThat(codes(admin.get(PATH + "?q=annulus%20cervical"))).isEmpty();
	}

	@Test
	void eachCodeComesWithItsDescriptionFamilyRegionAndBillability() {
		TestApi.Response response = admin.get(PATH + "?q=M48.06");
		assertThat(response.status()).isEqualTo(200);
		JsonNode heading = find(response.json().get("items"), "code", "M48.06");
		assertThat(heading.get("description").asString()).isNotBlank();
		assertThat(heading.get("family").asString()).isEqualTo("SPINAL_STENOSIS");
		assertThat(heading.get("region").asString()).isEqualTo("LUMBAR");
		assertThat(heading.get("billable").asBoolean()).isFalse();
		JsonNode claudication = find(response.json().get("items"), "code", "M48.062");
		assertThat(claudication.get("billable").asBoolean()).isTrue();
		assertThat(response.json().get("total").asLong()).isEqualTo(3);
		assertThat(response.json().get("page").asInt()).isZero();
	}

	@Test
	void theCatalogueHoldsTheSpineCodesOfEveryFamily() {
		for (String code : List.of("M51.370", "M50.33", "M51.35", "M51.17", "M50.123", "M50.13", "M51.27", "M50.223",
				"M51.A0", "M48.02", "M48.07", "M47.812", "M47.817", "S32.001S", "S22.009A", "S12.9XXA", "S13.4XXA",
				"M54.50", "M54.59")) {
			assertThat(codes(admin.get(PATH + "?q=" + code))).as(code).contains(code);
		}
		List<String> families = ownerJdbc().sql("SELECT DISTINCT family FROM icd10_code ORDER BY family")
			.query(String.class)
			.list();
		assertThat(families).containsExactly("DEGENERATIVE_DISC_DISEASE", "FACET_ARTHROPATHY", "HERNIATED_DISC",
				"LOW_BACK_PAIN", "SPINAL_STENOSIS", "TRAUMATIC_INJURY");
		assertThat(codes(admin.get(PATH + "?q=M54.5"))).as("M54.5 itself is retired").doesNotContain("M54.5");
	}

	@Test
	void atMostFiftyCodesComeBackAndTheTotalCountsThemAll() {
		long all = ownerJdbc().sql("SELECT count(*) FROM icd10_code").query(Long.class).single();
		assertThat(all).isGreaterThan(50);

		JsonNode first = admin.get(PATH).json();
		assertThat(first.get("items").size()).isEqualTo(50);
		assertThat(first.get("size").asInt()).isEqualTo(50);
		assertThat(first.get("total").asLong()).isEqualTo(all);
		JsonNode second = admin.get(PATH + "?page=1").json();
		assertThat(second.get("items").size()).isEqualTo((int) all - 50);

		assertThat(admin.get(PATH + "?size=51").status()).isEqualTo(400);
		assertThat(admin.get(PATH + "?page=-1").status()).isEqualTo(400);
		assertThat(admin.get(PATH + "?q=" + "m".repeat(101)).status()).isEqualTo(400);
	}

	@Test
	void likeWildcardsInTheQueryAreTakenLiterally() {
		assertThat(codes(admin.get(PATH + "?q=%25"))).isEmpty();
		assertThat(codes(admin.get(PATH + "?q=_"))).isEmpty();
		assertThat(codes(admin.get(PATH + "?q=M5_.36"))).isEmpty();
	}

	@Test
	void anySignedInStaffMemberMaySearchButNobodyElse() {
		for (String role : List.of("RESEARCHER", "AUDITOR", "LAB", "PHYSICIAN")) {
			TestApi user = login(createUser(role, Set.of()), USER_PASSWORD);
			assertThat(user.get(PATH + "?q=M51.16").status()).as(role).isEqualTo(200);
		}
		assertThat(anonymous.get(PATH + "?q=M51.16").status()).isEqualTo(401);
	}

	private static List<String> codes(TestApi.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("items").valueStream().map(item -> item.get("code").asString()).toList();
	}

}
