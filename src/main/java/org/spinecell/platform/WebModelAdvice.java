package org.spinecell.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Model attributes every page's layout needs: who is signed in, and whether this is a demo. */
@ControllerAdvice(annotations = Controller.class)
class WebModelAdvice {

	private final SpineCellProperties properties;

	WebModelAdvice(SpineCellProperties properties) {
		this.properties = properties;
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return properties.demo();
	}

	@ModelAttribute("currentUser")
	CurrentUser currentUser() {
		return CurrentUser.find().orElse(null);
	}

}
