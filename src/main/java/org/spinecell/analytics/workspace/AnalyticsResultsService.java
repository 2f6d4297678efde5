package org.spinecell.analytics.workspace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.spinecell.analytics.export.Pseudonyms;
import org.spinecell.analytics.stats.DataStatus;
import org.spinecell.analytics.stats.GroupComparison;
import org.spinecell.analytics.stats.Interval;
import org.spinecell.analytics.stats.KaplanMeier;
import org.spinecell.analytics.stats.LogRank;
import org.spinecell.analytics.stats.MeanSummary;
import org.spinecell.analytics.stats.Proportion;
import org.spinecell.analytics.stats.SurvivalObservation;
import org.spinecell.analytics.workspace.AnalyticsResults.BetweenGroup;
import org.spinecell.analytics.workspace.AnalyticsResults.Composite;
import org.spinecell.analytics.workspace.AnalyticsResults.Durability;
import org.spinecell.analytics.workspace.AnalyticsResults.LogRankTest;
import org.spinecell.analytics.workspace.AnalyticsResults.Medication;
import org.spinecell.analytics.workspace.AnalyticsResults.MedicationRow;
import org.spinecell.analytics.workspace.AnalyticsResults.OutcomeRow;
import org.spinecell.analytics.workspace.AnalyticsResults.Outcomes;
import org.spinecell.analytics.workspace.AnalyticsResults.RateRow;
import org.spinecell.analytics.workspace.AnalyticsResults.Safety;
import org.spinecell.analytics.workspace.AnalyticsResults.SafetyGroup;
import org.spinecell.analytics.workspace.AnalyticsResults.SafetyRow;
import org.spinecell.analytics.workspace.AnalyticsResults.SeriousEvent;
import org.spinecell.analytics.workspace.AnalyticsResults.SurvivalGroup;
import org.spinecell.analytics.workspace.AnalyticsResults.SurvivalStep;
import org.spinecell.analytics.workspace.AnalyticsResults.Variability;
import org.spinecell.analytics.workspace.AnalyticsRows.FailureTime;
import org.spinecell.analytics.workspace.AnalyticsRows.MedicationStats;
import org.spinecell.analytics.workspace.AnalyticsRows.OutcomeStats;
import org.spinecell.platform.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results the analytics API returns: the aggregates of {@link AnalyticsService} and
 * {@link AnalyticsResultsRepository} turned into estimates and confidence intervals by the
 * statistics core. Read-only; scoped like {@link AnalyticsService} (the caller's clinics, research
 * consent for researchers), and for researchers operators and clinics are shown by pseudonym.
 */
@Service
public class AnalyticsResultsService {

	static final String NO_DATA = "No data: the cohort holds no episodes with this measure";

	/** The time points after baseline that may be chosen for a between-group test. */
	static final List<String> FOLLOW_UP_TIME_POINTS = AnalyticsRepository.TIME_POINTS.subList(1,
			AnalyticsRepository.TIME_POINTS.size());

	private final AnalyticsService analytics;

	private final AnalyticsResultsRepository repository;

	private final ResponderSettings responders;

	private final Pseudonyms pseudonyms;

	AnalyticsResultsService(AnalyticsService analytics, AnalyticsResultsRepository repository,
			ResponderSettings responders, Pseudonyms pseudonyms) {
		this.analytics = analytics;
		this.repository = repository;
		this.responders = responders;
		this.pseudonyms = pseudonyms;
	}

	/**
	 * The outcome summary of {@code measure} per group and time point, the composite responder, and
	 * with a stratifier the chi-square test of responder proportions at {@code testTimePoint}.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public Outcomes outcomes(CohortFilter filter, Stratifier by, Measure measure, String testTimePoint) {
		Measure.Mcid mcid = responders.of(measure);
		UnaryOperator<String> label = labels(by);
		List<OutcomeRow> rows = analytics.outcomes(filter, by, measure, mcid)
			.stream()
			.map(stats -> outcomeRow(stats, label.apply(stats.group()), mcid.absolute() == null))
			.toList();
		BigDecimal odiMcid = responders.of(Measure.ODI).absolute();
		List<RateRow> composite = repository.composite(analytics.scoped(filter), by, odiMcid)
			.stream()
			.map(c -> rateRow(label.apply(c.group()), c.timePoint(), c.responders(), c.n()))
			.toList();
		boolean noData = rows.stream().allMatch(r -> r.n() == 0);
		BetweenGroup test = by == Stratifier.NONE ? null : betweenGroup(rows, testTimePoint);
		Map<String, Object> definitions = ResultDefinitions.outcomes(mcid, odiMcid, by);
		return new Outcomes(measure.name(), by.parameter(), noData, noData ? NO_DATA : null, definitions, rows, test,
				new Composite(ResultDefinitions.compositeDefinition(odiMcid), composite));
	}

	/**
	 * Kaplan–Meier estimates of time to treatment failure ({@code lossOfResponse} false) or to loss
	 * of response, per group, with the log-rank test when stratified.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public Durability durability(CohortFilter filter, Stratifier by, boolean lossOfResponse) {
		UnaryOperator<String> label = labels(by);
		BigDecimal odiMcid = responders.of(Measure.ODI).absolute();
		List<FailureTime> times = lossOfResponse
				? repository.lossOfResponse(analytics.scoped(filter), by, odiMcid)
				: analytics.failures(filter, by);
		Map<String, List<SurvivalObservation>> byGroup = new LinkedHashMap<>();
		for (FailureTime time : times) {
			List<SurvivalObservation> group = byGroup.computeIfAbsent(label.apply(time.group()), g -> new ArrayList<>());
			for (long i = 0; i < time.events(); i++) {
				group.add(new SurvivalObservation(time.months(), true));
			}
			for (long i = 0; i < time.censored(); i++) {
				group.add(new SurvivalObservation(time.months(), false));
			}
		}
		List<SurvivalGroup> groups = new ArrayList<>();
		byGroup.forEach((group, observations) -> {
			KaplanMeier km = KaplanMeier.of(observations);
			groups.add(new SurvivalGroup(group, km.n(), km.status() != DataStatus.OK, km.steps()
				.stream()
				.map(s -> new SurvivalStep(s.time(), s.nRisk(), s.nEvent(), s.nCensor(), s.survival(), s.ciLow(),
						s.ciHigh()))
				.toList()));
		});
		LogRankTest logRank = null;
		if (by != Stratifier.NONE && !byGroup.isEmpty()) {
			LogRank test = LogRank.of(byGroup);
			logRank = new LogRankTest(test.status().name(), test.chiSquare(), test.df(), test.p());
		}
		Map<String, Object> definitions = ResultDefinitions.durability(lossOfResponse, odiMcid, by);
		boolean noData = groups.isEmpty();
		return new Durability(lossOfResponse ? "lossOfResponse" : "failure", by.parameter(), noData, noData ? "No data: the cohort holds no episodes" : null,
				definitions, groups, logRank);
	}

	/** Among baseline opioid users: the share with MME at most half the baseline, and opioid-free, per time point. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public Medication medication(CohortFilter filter, Stratifier by) {
		UnaryOperator<String> label = labels(by);
		List<MedicationRow> rows = new ArrayList<>();
		for (MedicationStats m : analytics.medication(filter, by)) {
			Proportion halved = Proportion.of(m.reducedByHalf(), m.observed());
			Proportion free = Proportion.of(m.opioidFree(), m.observed());
			rows.add(new MedicationRow(label.apply(m.group()), m.timePoint(), m.daysAfterProcedure(), m.baselineUsers(),
					m.observed(), m.reducedByHalf(), halved.estimate(), low(halved.wilson()), high(halved.wilson()),
					m.opioidFree(), free.estimate(), low(free.wilson()), high(free.wilson()),
					m.observed() < DataStatus.MIN_N));
		}
		Map<String, Object> definitions = ResultDefinitions.medication(by);
		boolean noData = rows.stream().allMatch(r -> r.observed() == 0);
		return new Medication(by.parameter(), noData,
				noData ? "No data: no baseline opioid user in the cohort has an MME after baseline" : null, definitions,
				rows);
	}

	/** Adverse events per 100 procedures by grade, seriousness and relatedness, and the serious events. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public Safety safety(CohortFilter filter, Stratifier by) {
		UnaryOperator<String> label = labels(by);
		AnalyticsRepository.Where where = analytics.scoped(filter);
		Map<String, Long> procedures = new LinkedHashMap<>();
		List<SafetyGroup> groups = analytics.groupSizes(filter, by)
			.stream()
			.map(g -> new SafetyGroup(label.apply(g.group()), g.procedures(), g.patients()))
			.toList();
		groups.forEach(g -> procedures.put(g.group(), g.procedures()));
		List<SafetyRow> rows = repository.eventCategories(where, by).stream().map(c -> {
			String group = label.apply(c.group());
			long n = procedures.getOrDefault(group, 0L);
			Proportion share = Proportion.of(Math.min(c.procedures(), n), n);
			return new SafetyRow(group, c.dimension(), c.value(), c.events(), c.procedures(), n,
					n == 0 ? null : 100.0 * c.events() / n, times100(low(share.exact())), times100(high(share.exact())),
					n < DataStatus.MIN_N);
		}).toList();
		List<SeriousEvent> serious = repository.seriousEvents(where, by)
			.stream()
			.map(s -> new SeriousEvent(label.apply(s.group()), s.grade(), s.onsetMonths(), s.relatednessProcedure(),
					s.relatednessProduct(), s.expected(), s.outcome()))
			.toList();
		Map<String, Object> definitions = ResultDefinitions.safety(by);
		boolean noData = groups.isEmpty();
		return new Safety(by.parameter(), noData, noData ? "No data: the cohort holds no procedures" : null,
				definitions, groups, rows, serious);
	}

	/**
	 * The case-mix models of {@code measure} at {@code timePoint} and the funnel data per operator
	 * and per clinic. Loads one row per episode (numbers and codes only): a regression is not fitted in
	 * SQL.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public Variability variability(CohortFilter filter, Measure measure, String timePoint) {
		Measure.Mcid mcid = responders.of(measure);
		List<VariabilityAnalysis.EpisodeRow> rows = repository.modelRows(analytics.scoped(filter), measure, timePoint);
		VariabilityAnalysis.Result result = VariabilityAnalysis.of(rows, row -> isResponder(row, mcid),
				labels(Stratifier.OPERATOR), labels(Stratifier.CLINIC));
		Map<String, Object> definitions = ResultDefinitions.variability(mcid);
		boolean noData = result.n() == 0;
		return new Variability(measure.name(), timePoint, noData,
				noData ? "No data: no episode of the cohort has a value with a baseline at " + timePoint : null,
				definitions, result);
	}

	private static boolean isResponder(VariabilityAnalysis.EpisodeRow row, Measure.Mcid mcid) {
		if (mcid.absolute() != null) {
			return -row.change() >= mcid.absolute().doubleValue();
		}
		return row.baseline() > 0 && -row.change() >= mcid.relative().doubleValue() * row.baseline();
	}

	private static OutcomeRow outcomeRow(OutcomeStats s, String group, boolean relativeOnly) {
		MeanSummary value = MeanSummary.ofAggregate(s.n(), s.mean(), s.sd());
		MeanSummary change = MeanSummary.ofAggregate(s.nChange(), s.meanChange(), s.sdChange());
		long responderCount = relativeOnly ? s.respondersRelative() : s.respondersAbsolute();
		Proportion absolute = Proportion.of(responderCount, s.nChange());
		Proportion relative = Proportion.of(s.respondersRelative(), s.nChange());
		return new OutcomeRow(group, s.timePoint(), s.daysAfterProcedure(), s.n(), s.mean(), s.sd(), low(value.ci()),
				high(value.ci()), s.nChange(),
				s.meanChange(), s.sdChange(), low(change.ci()), high(change.ci()), responderCount, absolute.estimate(),
				low(absolute.wilson()), high(absolute.wilson()), s.respondersRelative(), relative.estimate(),
				low(relative.wilson()), high(relative.wilson()), s.eligible(), s.completed(), s.completionRate(),
				s.n() < DataStatus.MIN_N);
	}

	private static RateRow rateRow(String group, String timePoint, long x, long n) {
		Proportion p = Proportion.of(x, n);
		return new RateRow(group, timePoint, n, x, p.estimate(), low(p.wilson()), high(p.wilson()),
				n < DataStatus.MIN_N);
	}

	private static BetweenGroup betweenGroup(List<OutcomeRow> rows, String timePoint) {
		List<OutcomeRow> at = rows.stream().filter(r -> r.timePoint().equals(timePoint)).toList();
		GroupComparison test = GroupComparison.chiSquare(at.stream().mapToLong(OutcomeRow::responders).toArray(),
				at.stream().mapToLong(OutcomeRow::nChange).toArray());
		return new BetweenGroup(test.test(), timePoint, test.status().name(), test.note(), test.statistic(), test.df1(),
				test.p());
	}

	/**
	 * The names the workspace and the clinic report show for operator ids (staff only: researchers
	 * see operators by pseudonym, so nothing is returned to them).
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public List<AnalyticsRows.Named> operatorNames() {
		return AnalyticsService.isResearcherOnly() ? List.of() : repository.operatorNames();
	}

	/**
	 * Group labels as shown to the caller: for researchers, operators and clinics by the pseudonyms of
	 * the research export (OP and C + 20 hex digits), never by their ids; for staff the ids, which the
	 * filters take.
	 */
	private UnaryOperator<String> labels(Stratifier by) {
		String kind = switch (by) {
			case OPERATOR -> "OP";
			case CLINIC -> "C";
			default -> null;
		};
		if (kind == null || !AnalyticsService.isResearcherOnly()) {
			return UnaryOperator.identity();
		}
		return group -> "UNKNOWN".equals(group) ? group : pseudonyms.of(kind, java.util.UUID.fromString(group));
	}


	/** Reads a follow-up time point: absent means M12. */
	static String timePoint(String value) {
		if (value == null || value.isBlank()) {
			return "M12";
		}
		String timePoint = value.strip().toUpperCase(java.util.Locale.ROOT);
		if (!FOLLOW_UP_TIME_POINTS.contains(timePoint)) {
			throw Refusal.badRequest("timePoint",
					"timePoint must be one of: " + String.join(", ", FOLLOW_UP_TIME_POINTS));
		}
		return timePoint;
	}

	private static Double low(Interval interval) {
		return interval == null ? null : interval.low();
	}

	private static Double high(Interval interval) {
		return interval == null ? null : interval.high();
	}

	private static Double times100(Double value) {
		return value == null ? null : 100 * value;
	}

}
