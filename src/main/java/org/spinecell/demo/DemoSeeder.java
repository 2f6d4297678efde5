package org.spinecell.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinecell.accounts.Clinic;
import org.spinecell.cellproducts.CellProduct;
import org.spinecell.accounts.ClinicService;
import org.spinecell.accounts.DemoAccounts;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Role;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo network on the first start with {@code spinecell.demo=true}: two clinics and one
 * account per role (plus a second physician and coordinator at the second clinic, so clinic
 * isolation can be seen, and an administrator of each clinic beside the installation's), printing each password once. Later starts find the clinics and leave
 * everything as it is.
 */
@Component
@ConditionalOnBooleanProperty("spinecell.demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

	private final ClinicService clinics;

	private final DemoAccounts accounts;

	private final DemoPatients patients;

	private final DemoClinicalHistory history;

	private final DemoCellProducts cellProducts;

	private final DemoProcedures procedures;

	private final DemoOutcomes outcomes;

	private final DemoSafety safety;

	private final Environment environment;

	/** The accounts block of this start's seeding, until it is printed. */
	private volatile String banner;

	DemoSeeder(ClinicService clinics, DemoAccounts accounts, DemoPatients patients, DemoClinicalHistory history,
			DemoCellProducts cellProducts, DemoProcedures procedures, DemoOutcomes outcomes, DemoSafety safety,
			Environment environment) {
		this.environment = environment;
		this.clinics = clinics;
		this.accounts = accounts;
		this.patients = patients;
		this.history = history;
		this.cellProducts = cellProducts;
		this.procedures = procedures;
		this.outcomes = outcomes;
		this.safety = safety;
	}

	/** Patients per demo clinic. */
	static final int PATIENTS_PER_CLINIC = 60;

	record DemoUser(String username, String displayName, Set<Role> roles, int clinics) {
	}

	static final List<DemoUser> USERS = List.of(
			// An installation administrator (no clinic) and one clinic administrator per clinic (ADR 0016).
			new DemoUser("demo.admin", "Dana Admin (demo)", Set.of(Role.ADMIN), 0),
			new DemoUser("admin.lakeside", "Liam Ortiz, Lakeside administrator (demo)", Set.of(Role.ADMIN), 1),
			new DemoUser("admin.harbor", "Hana Berg, Harbor administrator (demo)", Set.of(Role.ADMIN), 2),
			new DemoUser("dr.reyes", "Dr. Lucia Reyes (demo)", Set.of(Role.PHYSICIAN), 1),
			new DemoUser("dr.petrov", "Dr. Ana Petrov (demo)", Set.of(Role.PHYSICIAN), 1),
			new DemoUser("coord.chen", "Mei Chen, study coordinator (demo)", Set.of(Role.COORDINATOR), 1),
			new DemoUser("lab.okafor", "Emeka Okafor, cell lab (demo)", Set.of(Role.LAB), 3),
			new DemoUser("research.lind", "Anna Lind, researcher (demo)", Set.of(Role.RESEARCHER), 3),
			new DemoUser("audit.novak", "Petra Novak, auditor (demo)", Set.of(Role.AUDITOR), 3),
			new DemoUser("dr.haddad", "Dr. Omar Haddad (demo)", Set.of(Role.PHYSICIAN), 2),
			new DemoUser("coord.silva", "Rui Silva, study coordinator (demo)", Set.of(Role.COORDINATOR), 2));

	@Override
	public void run(ApplicationArguments args) {
		boolean seeded = CurrentUser.callAsSystem(Set.of(), () -> {
			if (!clinics.visibleClinics().isEmpty()) {
				return false;
			}
			seed();
			return true;
		});
		if (!seeded) {
			log.info("Demo data already present; nothing seeded");
		}
	}

	private void seed() {
		long seedingStarted = System.nanoTime();
		Clinic lakeside = accounts.createClinic("Lakeside Spine & Regenerative Center", "Portland", "Oregon", "US",
				"W1234");
		Clinic harbor = accounts.createClinic("Harbor Orthobiologics Clinic", "Boston", "Massachusetts", "US", "W5678");
		List<DemoBanner.Account> accountLines = new ArrayList<>();
		Map<String, DemoCellProducts.Staff> staff = new HashMap<>();
		for (DemoUser user : USERS) {
			Set<UUID> memberships = switch (user.clinics()) {
				case 1 -> Set.of(lakeside.id());
				case 2 -> Set.of(harbor.id());
				case 3 -> Set.of(lakeside.id(), harbor.id());
				default -> Set.of();
			};
			DemoAccounts.CreatedUser created = accounts.createUser(user.username(), user.displayName(), user.roles(),
					memberships);
			staff.put(user.username(), new DemoCellProducts.Staff(created.user(), created.password()));
			String clinicNames = switch (user.clinics()) {
				case 1 -> lakeside.name();
				case 2 -> harbor.name();
				case 3 -> "both clinics";
				default -> "none (manages clinics and accounts)";
			};
			accountLines.add(new DemoBanner.Account(user.username(), String.join(", ",
					user.roles().stream().map(role -> roleWords(role, user.clinics() != 0)).toList()), clinicNames, created.password()));
		}
		long started = System.nanoTime();
		Random random = new Random(20261125L);
		int patientCount = 0;
		int productCount = 0;
		int procedureCount = 0;
		int responseCount = 0;
		int eventCount = 0;
		for (Clinic clinic : List.of(lakeside, harbor)) {
			String prefix = clinic == lakeside ? "LSC" : "HOC";
			List<DemoPatients.DemoPatient> eligible = new ArrayList<>();
			DemoCellProducts.Staff coordinator = staff.get(clinic == lakeside ? "coord.chen" : "coord.silva");
			DemoCellProducts.Staff physician = staff.get(clinic == lakeside ? "dr.reyes" : "dr.haddad");
			// The clinic's own demo staff register and screen the patients, as they would.
			patientCount += CurrentUser.callAs(coordinator.user(), () -> {
				List<DemoPatients.DemoPatient> created = patients.create(clinic.id(), prefix, PATIENTS_PER_CLINIC, random);
				for (DemoPatients.DemoPatient patient : created) {
					if (history.add(patient, physician.user(), random)) {
						eligible.add(patient);
					}
				}
				return created.size();
			});
			List<CellProduct> made = cellProducts.add(clinic.id(), eligible, staff.get("lab.okafor"), physician, random);
			productCount += made.size();
			// At Lakeside the second operator's placements do noticeably worse in the outcome model.
			DemoCellProducts.Staff weaker = clinic == lakeside ? staff.get("dr.petrov") : null;
			List<DemoCellProducts.Staff> operators = weaker != null ? List.of(physician, weaker) : List.of(physician);
			List<DemoProcedures.Treated> treated = procedures.add(made, eligible, coordinator, operators, random);
			procedureCount += treated.size();
			responseCount += outcomes.add(treated, coordinator, weaker, random);
			eventCount += safety.add(treated, coordinator, random);
		}
		log.info("Demo: seeded {} synthetic patients, {} cell products, {} procedures, {} instrument responses and {}"
				+ " adverse events in {} s", patientCount, productCount, procedureCount, responseCount, eventCount,
				(System.nanoTime() - started) / 1_000_000_000);
		banner = DemoBanner.render(url(), accountLines, Duration.ofNanos(System.nanoTime() - seedingStarted),
				!"optional".equalsIgnoreCase(environment.getProperty("spinecell.security.mfa", "required")));
	}

	/**
	 * Prints the demo accounts as one block once start-up has finished, after every other start-up
	 * line, so they are not lost among them.
	 */
	@EventListener
	void printAccounts(AvailabilityChangeEvent<ReadinessState> event) {
		// Accepting traffic is announced after the application-ready listeners (springdoc's notes among them).
		if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && banner != null) {
			System.out.println(banner);
			banner = null;
		}
	}

	private String url() {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		return "http://localhost:" + port + "/";
	}

	private static String roleWords(Role role, boolean ofClinics) {
		return switch (role) {
			case ADMIN -> ofClinics ? "clinic administrator" : "installation administrator";
			case PHYSICIAN -> "physician";
			case COORDINATOR -> "coordinator";
			case LAB -> "cell lab";
			case RESEARCHER -> "researcher";
			case AUDITOR -> "auditor";
			default -> role.name().toLowerCase(java.util.Locale.ROOT);
		};
	}

}
