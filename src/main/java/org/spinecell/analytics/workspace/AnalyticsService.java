package org.spinecell.analytics.workspace;

import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.spinecell.analytics.export.Pseudonyms;
import org.spinecell.analytics.workspace.AnalyticsRows.CohortCount;
import org.spinecell.analytics.workspace.AnalyticsRows.FailureTime;
import org.spinecell.analytics.workspace.AnalyticsRows.GroupSize;
import org.spinecell.analytics.workspace.AnalyticsRows.MedicationStats;
import org.spinecell.analytics.workspace.AnalyticsRows.OutcomeStats;
import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.Role;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only analytics over a cohort: counts, the sufficient statistics of the outcome, durability,
 * medication and safety summaries, and the analysis data set. Every query is limited to the
 * caller's clinics (and, below that, by row-level security through the security-invoker views); a
 * researcher sees only patients with current research consent and only de-identified rows.
 */
@Service
public class AnalyticsService {

	static final String EXPORT_ENTITY = "AnalyticsExport";

	private final AnalyticsRepository repository;

	private final Pseudonyms pseudonyms;

	private final AuditTrail audit;

	AnalyticsService(AnalyticsRepository repository, Pseudonyms pseudonyms, AuditTrail audit) {
		this.repository = repository;
		this.pseudonyms = pseudonyms;
		this.audit = audit;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public CohortCount count(CohortFilter filter) {
		return repository.count(scoped(filter));
	}

	/** One measure per group and time point, with responders by {@code mcid} (the measure's default when null). */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public List<OutcomeStats> outcomes(CohortFilter filter, Stratifier by, Measure measure, Measure.Mcid mcid) {
		return repository.outcomes(scoped(filter), by, measure, mcid == null ? measure.defaultMcid() : mcid);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public List<FailureTime> failures(CohortFilter filter, Stratifier by) {
		return repository.failures(scoped(filter), by);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public List<MedicationStats> medication(CohortFilter filter, Stratifier by) {
		return repository.medication(scoped(filter), by);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public List<GroupSize> groupSizes(CohortFilter filter, Stratifier by) {
		return repository.groupSizes(scoped(filter), by);
	}

	/**
	 * Writes the analysis data set as CSV and audits the export (who, format, filter, rows) on the
	 * chain of each clinic it covered, in the same transaction.
	 *
	 * @param identified {@code null} for the caller's default: identified for clinic staff,
	 * de-identified for researchers, who may not ask for identified data (403)
	 * @param open gives the writer once every check has passed, so a refusal is still a problem response
	 * @return the number of data rows written
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional
	public long export(CohortFilter filter, boolean wide, Boolean identified, Supplier<Writer> open) {
		boolean researcher = isResearcherOnly();
		if (researcher && Boolean.TRUE.equals(identified)) {
			throw new AccessDeniedException("Researchers receive de-identified data only");
		}
		boolean withIdentifiers = identified == null ? !researcher : identified;
		AnalyticsRepository.Where where = scoped(filter);
		ExportLayout layout = new ExportLayout(withIdentifiers, wide, pseudonyms);
		CsvWriter csv = new CsvWriter(open.get());
		csv.row(layout.header());
		Map<UUID, Long> rowsPerClinic = new TreeMap<>();
		java.util.function.Consumer<Map<String, Object>> sink = row -> {
			csv.row(layout.values(row));
			rowsPerClinic.merge((UUID) row.get("clinic_id"), 1L, Long::sum);
		};
		if (wide) {
			repository.exportWide(where, withIdentifiers, sink);
		}
		else {
			repository.exportLong(where, withIdentifiers, sink);
		}
		UUID exportId = UUID.randomUUID();
		String parameters = effectiveFilter(filter).toParameters().toString();
		for (UUID clinic : clinicsOf(where)) {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("format", wide ? "wide" : "long");
			values.put("identified", withIdentifiers);
			values.put("filter", parameters);
			values.put("rows", rowsPerClinic.getOrDefault(clinic, 0L));
			values.put("totalRows", rowsPerClinic.values().stream().mapToLong(Long::longValue).sum());
			audit.record(clinic, AuditAction.ACCESS, EXPORT_ENTITY, exportId, FieldChange.created(values), null);
		}
		return rowsPerClinic.values().stream().mapToLong(Long::longValue).sum();
	}

	/** The filter as it is applied: limited to the caller's clinics, and to research consent for researchers. */
	public AnalyticsRepository.Where scoped(CohortFilter filter) {
		CohortFilter effective = effectiveFilter(filter);
		return AnalyticsRepository.where(effective, effective.clinicIds());
	}

	private CohortFilter effectiveFilter(CohortFilter filter) {
		CurrentUser user = CurrentUser.get();
		Set<UUID> clinics;
		if (filter.clinicIds().isEmpty()) {
			clinics = user.clinicIds();
		}
		else {
			for (UUID clinic : filter.clinicIds()) {
				if (!user.isMemberOf(clinic)) {
					throw Refusal.notFound("Clinic");
				}
			}
			clinics = filter.clinicIds();
		}
		if (clinics.isEmpty()) {
			throw Refusal.badRequest("clinicId", "You belong to no clinic, so there is no data to analyse");
		}
		CohortFilter scoped = filter.withClinics(new TreeSet<>(clinics));
		return isResearcherOnly() ? scoped.withResearchConsent() : scoped;
	}

	/** The clinics a scoped filter covers. */
	@SuppressWarnings("unchecked")
	public static Set<UUID> clinicsOf(AnalyticsRepository.Where where) {
		return new TreeSet<>((List<UUID>) where.params().get("clinicIds"));
	}

	/** A researcher who is not also clinic staff: de-identified, consented data only. */
	public static boolean isResearcherOnly() {
		CurrentUser user = CurrentUser.get();
		return user.hasRole(Role.RESEARCHER) && !user.hasRole(Role.PHYSICIAN) && !user.hasRole(Role.COORDINATOR);
	}

}
