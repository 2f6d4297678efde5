/**
 * Analytics: read-only cohort and outcome analysis, and the research export, at the edge of
 * SpineCell. It reads the core modules' data only through the SQL views and facts made for it
 * ({@code analytics_*}, {@code research_*}), keeps its own tables (saved cohorts, data-use
 * agreements) and may use the core modules' types; no core module uses it, and no other module
 * uses any of its types, so its root holds no class. Its features:
 * <ul>
 * <li>{@code workspace}: the analysis workspace (page, JSON API, CSV downloads and PDF report),
 * saved cohorts and their filters, measures and stratifiers, the outcome, durability, medication,
 * safety and variability results, and the analysis data-set CSV;</li>
 * <li>{@code export}: the research export, a HIPAA Safe Harbor zip of CSV files with a data
 * dictionary and readme, its layouts and the keyed pseudonyms every researcher output uses, and a
 * limited data set only under a data-use agreement (ADR 0014);</li>
 * <li>{@code agreements}: the data-use agreements a clinic records for a researcher, and ending them;</li>
 * <li>{@code stats}: the statistics core, plain Java over Apache Commons Math checked against R
 * (proportions, means, between-group tests, Kaplan–Meier and log-rank, linear and logistic models,
 * funnel limits); the methods and their R equivalents are in {@code docs/analytics-methods.md}.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics",
		allowedDependencies = { "platform", "platform :: chart", "accounts", "audit", "patients", "cellproducts",
				"procedures", "outcomes" })
package org.spinecell.analytics;
