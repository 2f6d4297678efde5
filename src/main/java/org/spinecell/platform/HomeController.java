package org.spinecell.platform;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the dashboard each module adds its cards to as it arrives. */
@Controller
class HomeController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String dashboard(Model model) {
		model.addAttribute("navSection", "dashboard");
		return "dashboard";
	}

}
