package org.spinecell.platform;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the dashboard each module adds its cards to as it arrives. */
@Controller
class HomeController {

	private final List<DashboardCard> cards;

	HomeController(ObjectProvider<DashboardCard> cards) {
		this.cards = cards.orderedStream().toList();
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String dashboard(Model model) {
		model.addAttribute("navSection", "dashboard");
		cards.forEach(card -> card.addTo(model));
		model.addAttribute("dashboardCards", cards);
		return "dashboard";
	}

}
