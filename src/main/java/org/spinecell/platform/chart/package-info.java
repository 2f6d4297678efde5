/**
 * Server-rendered SVG charts for the web pages: a {@link org.spinecell.platform.chart.Chart} model
 * (number or date axes; line, step and point series with error bars, bands or limit curves, points
 * optionally labelled or flagged; labelled reference lines) and a
 * {@link org.spinecell.platform.chart.Forest} plot, drawn by
 * {@link org.spinecell.platform.chart.SvgChart} without script or inline styles and by
 * {@link org.spinecell.platform.chart.PdfChart} into PDF reports.
 */
@NamedInterface("chart")
package org.spinecell.platform.chart;

import org.springframework.modulith.NamedInterface;
