package org.spinecell.analytics.workspace;

import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.DashboardCard;
import org.spinecell.platform.Role;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The dashboard card that leads physicians, coordinators and researchers to the analytics workspace. */
@Component
@Order(60)
class AnalyticsCard implements DashboardCard {

	@Override
	public String template() {
		return "analytics/card";
	}

	@Override
	public void addTo(Model model) {
		CurrentUser user = CurrentUser.find().orElse(null);
		model.addAttribute("analyticsCardShown", user != null && (user.hasRole(Role.PHYSICIAN)
				|| user.hasRole(Role.COORDINATOR) || user.hasRole(Role.RESEARCHER)));
	}

}
