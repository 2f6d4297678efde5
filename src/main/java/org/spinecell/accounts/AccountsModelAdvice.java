package org.spinecell.accounts;

import java.util.List;

import org.spinecell.accounts.mfa.MfaLoginFlow;
import org.spinecell.platform.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The names of the signed-in user's clinics, shown in the page header, and whether sign-in is half done. */
@ControllerAdvice(annotations = Controller.class)
class AccountsModelAdvice {

	private final ClinicService clinics;

	AccountsModelAdvice(ClinicService clinics) {
		this.clinics = clinics;
	}

	@ModelAttribute("currentClinicNames")
	List<String> currentClinicNames() {
		return CurrentUser.find()
			.filter(user -> !user.isSystem())
			.map(user -> clinics.findAll(user.clinicIds()).stream().map(Clinic::name).toList())
			.orElse(List.of());
	}

	/** While the second sign-in step is missing, the header shows no navigation (it would lead nowhere). */
	@ModelAttribute("mfaPending")
	boolean mfaPending(jakarta.servlet.http.HttpServletRequest request) {
		return MfaLoginFlow.pending(request);
	}

	@ModelAttribute("clinicCount")
	int clinicCount() {
		return CurrentUser.find().map(user -> clinics.visibleClinics().size()).orElse(0);
	}

}
