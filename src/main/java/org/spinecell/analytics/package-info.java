/**
 * Analytics: read-only cohort and outcome analysis at the edge of SpineCell. Its statistics core,
 * {@code org.spinecell.analytics.stats}, is plain Java over Apache Commons Math and is checked
 * against R on a committed synthetic data set: proportions with Wilson and Clopper–Pearson
 * intervals, means and mean changes with t intervals, between-group tests, Kaplan–Meier curves
 * with the log-rank test, linear and logistic regression, and funnel-plot limits for comparing
 * operators and clinics. The methods and their R equivalents are in {@code docs/analytics-methods.md}.
 * It also builds the research export: a HIPAA Safe Harbor zip of CSV files with a data dictionary,
 * and a limited data set only under a recorded data-use agreement (ADR 0014).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package org.spinecell.analytics;
