package org.spinecell.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Role;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators and auditors read the trail of their own clinics only: another clinic's chain,
 * its account changes and its clinic record stay hidden, by list, by record id and by every filter.
 * Verification still checks every chain but locates a break only in the reader's own chains.
 */
class AuditVisibilityTests extends IntegrationTest {

	@Autowired
	private AuditTrail trail;

	@Autowired
	private PlatformTransactionManager transactions;

	private UUID clinicA;

	private UUID clinicB;

	private String physicianA;

	private String physicianB;

	private String recordA;

	private String recordB;

	private TestApi adminA;

	private TestApi auditorA;

	private TestApi auditorB;

	@BeforeEach
	void twoClinicsWithTheirOwnTrail() {
		clinicA = createClinic("Audit A");
		clinicB = createClinic("Audit B");
		physicianA = createUser("PHYSICIAN", Set.of(clinicA));
		physicianB = createUser("PHYSICIAN", Set.of(clinicB));
		recordA = "a-" + unique();
		recordB = "b-" + unique();
		recordAs(physicianA, clinicA, recordA);
		recordAs(physicianB, clinicB, recordB);
		adminA = login(createUser("ADMIN", Set.of(clinicA)), USER_PASSWORD);
		auditorA = login(createUser("AUDITOR", Set.of(clinicA)), USER_PASSWORD);
		auditorB = login(createUser("AUDITOR", Set.of(clinicB)), USER_PASSWORD);
	}

	@Test
	void anAdministratorOrAuditorListsOnlyTheEntriesOfTheirOwnClinics() {
		for (TestApi reader : List.of(adminA, auditorA)) {
			JsonNode items = reader.get("/api/v1/audit?size=200").json().get("items");
			List<String> clinics = values(items, "clinicId");
			List<String> entityIds = values(items, "entityId");
			assertThat(clinics).contains(clinicA.toString()).doesNotContain(clinicB.toString());
			assertThat(entityIds).as("own clinic's records, clinic and accounts")
				.contains(recordA, clinicA.toString(), userId(physicianA).toString())
				.as("another clinic's records, clinic and accounts")
				.doesNotContain(recordB, clinicB.toString(), userId(physicianB).toString());
			assertThat(items.toString()).doesNotContain(clinicB.toString()).doesNotContain(physicianB);
		}
		JsonNode ofB = auditorB.get("/api/v1/audit?size=200").json().get("items");
		assertThat(values(ofB, "entityId")).contains(recordB, clinicB.toString(), userId(physicianB).toString())
			.doesNotContain(recordA, clinicA.toString(), userId(physicianA).toString());
	}

	@Test
	void noFilterReachesAnotherClinicsEntries() {
		List<String> ofOtherClinic = List.of("entityId=" + recordB, "entityType=Clinic&entityId=" + clinicB,
				"entityType=User&entityId=" + userId(physicianB), "user=" + physicianB);
		for (String filter : ofOtherClinic) {
			JsonNode page = adminA.get("/api/v1/audit?" + filter).json();
			assertThat(page.get("total").asLong()).as(filter).isZero();
			assertThat(page.get("items")).as(filter).isEmpty();
			assertThat(auditorB.get("/api/v1/audit?" + filter).json().get("total").asLong())
				.as("the other clinic's auditor sees it: " + filter)
				.isPositive();
		}
		assertThat(values(adminA.get("/api/v1/audit?entityType=AuditTest").json().get("items"), "entityId"))
			.containsExactly(recordA);
		assertThat(adminA.get("/api/v1/audit?entityId=" + recordA).json().get("total").asLong()).isEqualTo(1);
		assertThat(adminA.get("/api/v1/audit?user=" + physicianA).json().get("total").asLong()).isEqualTo(1);
		assertThat(adminA.get("/api/v1/audit?entityType=Clinic&entityId=" + clinicA).json().get("total").asLong())
			.isEqualTo(1);
	}

	@Test
	void theAuditPageShowsOnlyTheReadersClinics() {
		WebSession browser = new WebSession(port);
		String username = createUser("ADMIN", Set.of(clinicA));
		browser.signIn(username, USER_PASSWORD);
		WebSession.Page page = browser.get("/audit?entityType=AuditTest");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains(recordA).doesNotContain(recordB);
		assertThat(browser.get("/audit?entityId=" + recordB).html()).doesNotContain(recordB + "<");
	}

	@Test
	void verificationChecksEveryChainButLocatesABreakOnlyInTheReadersOwnChains() {
		long idOfB = ownerJdbc().sql("SELECT id FROM audit_event WHERE entity_id = :e")
			.param("e", recordB)
			.query(Long.class)
			.single();
		JsonNode intact = adminA.get("/api/v1/audit/verify").json();
		assertThat(intact.get("valid").asBoolean()).isTrue();
		assertThat(intact.get("entries").asLong()).as("every chain, not only clinic A's")
			.isEqualTo(ownerJdbc().sql("SELECT count(*) FROM audit_event").query(Long.class).single());
		String original = ownerJdbc().sql("SELECT changes::text FROM audit_event WHERE id = :id")
			.param("id", idOfB)
			.query(String.class)
			.single();
		try {
			ownerJdbc().sql("UPDATE audit_event SET changes = '{}' WHERE id = :id").param("id", idOfB).update();
			JsonNode seenFromA = adminA.get("/api/v1/audit/verify").json();
			assertThat(seenFromA.get("valid").asBoolean()).isFalse();
			assertThat(seenFromA.get("brokenEntries").asLong()).isEqualTo(1);
			assertThat(seenFromA.get("firstBrokenId").isNull()).as("not located for another clinic").isTrue();
			JsonNode seenFromB = auditorB.get("/api/v1/audit/verify").json();
			assertThat(seenFromB.get("valid").asBoolean()).isFalse();
			assertThat(seenFromB.get("firstBrokenId").asLong()).isEqualTo(idOfB);
		}
		finally {
			ownerJdbc().sql("UPDATE audit_event SET changes = CAST(:c AS jsonb) WHERE id = :id")
				.param("c", original)
				.param("id", idOfB)
				.update();
		}
		assertThat(adminA.get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
	}

	/** One entry in a clinic's chain, written as one of its physicians. */
	private void recordAs(String username, UUID clinic, String entityId) {
		CurrentUser user = new CurrentUser(userId(username), username, "Test", Set.of(Role.PHYSICIAN), Set.of(clinic));
		CurrentUser.callAs(user, () -> new TransactionTemplate(transactions).execute(status -> {
			trail.created("AuditTest", entityId, clinic, Map.of("note", "entry of " + entityId));
			return null;
		}));
	}

	private static List<String> values(JsonNode items, String field) {
		List<String> values = new ArrayList<>();
		items.forEach(item -> values.add(item.get(field).asString()));
		return values;
	}

}
