/**
 * The statistics core of the analytics module: no database, no web, no state. Every result says
 * whether it rests on data ({@link org.spinecell.analytics.stats.DataStatus}) and holds
 * {@code null}, never NaN, where a value cannot be estimated.
 */
package org.spinecell.analytics.stats;
