package org.spinecell.analytics.workspace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.spinecell.analytics.workspace.AnalyticsRows.CohortCount;
import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved cohorts: each user keeps their own named filters. Creating and deleting one is audited on
 * the chain of the clinic it is kept in; the filter is validated when saved, so a saved cohort
 * always parses.
 */
@Service
public class CohortService {

	static final String ENTITY = "AnalyticsCohort";

	private final CohortRepository cohorts;

	private final AnalyticsService analytics;

	private final AuditTrail audit;

	CohortService(CohortRepository cohorts, AnalyticsService analytics, AuditTrail audit) {
		this.cohorts = cohorts;
		this.analytics = analytics;
		this.audit = audit;
	}

	/**
	 * Saves a cohort. {@code filter} holds filter parameters, each a value or a list of values, as in
	 * a query string; a name that is no filter parameter, or a value that cannot be read, is a 400.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional
	public Cohort create(String name, Map<String, ?> filter) {
		if (name == null || name.isBlank() || name.strip().length() > 200) {
			throw Refusal.invalid("name", "Give the cohort a name of 1 to 200 characters");
		}
		CohortFilter parsed = CohortFilter.parse(parameters(filter == null ? Map.of() : filter));
		CurrentUser user = CurrentUser.get();
		for (UUID clinic : parsed.clinicIds()) {
			if (!user.isMemberOf(clinic)) {
				throw Refusal.notFound("Clinic");
			}
		}
		Collection<UUID> home = parsed.clinicIds().isEmpty() ? user.clinicIds() : parsed.clinicIds();
		if (home.isEmpty()) {
			throw Refusal.badRequest("clinicId", "You belong to no clinic, so a cohort cannot be kept");
		}
		Cohort cohort = new Cohort(UUID.randomUUID(), new TreeSet<>(home).first(), user.id(), name.strip(),
				parsed.toParameters(), java.time.Instant.now());
		cohorts.insert(cohort, user.id());
		Cohort created = get(cohort.id());
		audit.created(ENTITY, created.id(), created.clinicId(), created.snapshot());
		return created;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public List<Cohort> list() {
		CurrentUser user = CurrentUser.get();
		return user.clinicIds().isEmpty() ? List.of() : cohorts.list(user.clinicIds(), user.id());
	}

	/** One of the caller's own cohorts; anyone else's is not found (404). */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public Cohort get(UUID id) {
		CurrentUser user = CurrentUser.get();
		if (user.clinicIds().isEmpty()) {
			throw Refusal.notFound("Cohort");
		}
		return cohorts.find(user.clinicIds(), user.id(), id).orElseThrow(() -> Refusal.notFound("Cohort"));
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional
	public void delete(UUID id) {
		Cohort cohort = get(id);
		if (!cohorts.voidCohort(cohort.clinicId(), id, CurrentUser.get().id())) {
			throw Refusal.conflict("The cohort was changed by someone else");
		}
		Map<String, Object> after = new LinkedHashMap<>(cohort.snapshot());
		after.put("voided", true);
		Map<String, Object> before = new LinkedHashMap<>(cohort.snapshot());
		before.put("voided", false);
		audit.record(cohort.clinicId(), AuditAction.VOID, ENTITY, id, FieldChange.diff(before, after), "deleted");
	}

	/** The live count of the episodes and patients a saved cohort matches now. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public CohortCount count(UUID id) {
		return analytics.count(get(id).cohortFilter());
	}

	/** JSON filter values (a value or a list) as parameter lists; names that are not filter parameters are refused. */
	private static Map<String, List<String>> parameters(Map<String, ?> filter) {
		Map<String, List<String>> out = new LinkedHashMap<>();
		for (Map.Entry<String, ?> entry : filter.entrySet()) {
			if (!CohortFilter.PARAMETERS.contains(entry.getKey())) {
				throw Refusal.badRequest("filter." + entry.getKey(), "filter." + entry.getKey()
						+ " is not a filter; allowed: " + String.join(", ", CohortFilter.PARAMETERS));
			}
			List<String> values = new ArrayList<>();
			if (entry.getValue() instanceof Collection<?> many) {
				many.forEach(v -> values.add(v == null ? null : String.valueOf(v)));
			}
			else if (entry.getValue() != null) {
				values.add(String.valueOf(entry.getValue()));
			}
			out.put(entry.getKey(), values);
		}
		return out;
	}

}
