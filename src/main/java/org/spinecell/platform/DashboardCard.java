package org.spinecell.platform;

import org.springframework.ui.Model;

/**
 * A card a module adds to the dashboard, as a bean: a template with a {@code card} fragment and the
 * model attributes it reads. The card decides itself whether the signed-in user sees it.
 */
public interface DashboardCard {

	/** The template holding the {@code card} fragment. */
	String template();

	/** Adds what the fragment reads to the model. */
	void addTo(Model model);

}
