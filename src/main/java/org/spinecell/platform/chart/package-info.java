/**
 * Server-rendered SVG charts for the web pages: a {@link org.spinecell.platform.chart.Chart} model
 * (number or date axes; line, step and point series with error bars or bands; labelled reference
 * lines) drawn by {@link org.spinecell.platform.chart.SvgChart} without script or inline styles.
 */
@NamedInterface("chart")
package org.spinecell.platform.chart;

import org.springframework.modulith.NamedInterface;
