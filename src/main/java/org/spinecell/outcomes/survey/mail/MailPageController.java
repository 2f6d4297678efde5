package org.spinecell.outcomes.survey.mail;

import java.util.UUID;

import org.spinecell.accounts.ClinicService;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The coordinators' view of the survey e-mails: what was queued, sent, cancelled or failed. */
@Controller
@RequestMapping("/follow-up/mail")
class MailPageController {

	private final MailOutboxService outbox;

	private final MailJob job;

	private final ClinicService clinics;

	MailPageController(MailOutboxService outbox, MailJob job, ClinicService clinics) {
		this.outbox = outbox;
		this.job = job;
		this.clinics = clinics;
	}

	@GetMapping
	String list(@RequestParam(required = false) UUID clinicId, @RequestParam(required = false) String status,
			Model model) {
		UUID clinic = clinicId != null && CurrentUser.get().isMemberOf(clinicId) ? clinicId : null;
		MailMessage.Status filter;
		try {
			filter = MailApiController.status(status);
		}
		catch (Refusal ex) {
			filter = null;
		}
		model.addAttribute("navSection", "followup");
		model.addAttribute("clinics", clinics.findAll(CurrentUser.get().clinicIds()));
		model.addAttribute("clinicId", clinic);
		model.addAttribute("status", filter == null ? "" : filter.name());
		model.addAttribute("statuses", MailMessage.Status.values());
		model.addAttribute("sendingEnabled", job.sendingEnabled());
		model.addAttribute("entries", outbox.list(clinic, filter));
		model.addAttribute("limit", MailOutboxService.LIST_LIMIT);
		return "outcomes/mail";
	}

	@PostMapping("/run")
	String run(RedirectAttributes redirect) {
		MailJob.RunResult r = job.runNow();
		redirect.addFlashAttribute("flash",
				"Queued " + r.invitationsQueued() + " invitations and " + r.remindersQueued() + " reminders; sent "
						+ r.sent() + ", cancelled " + r.cancelled() + ", to retry " + r.retrying() + ", failed "
						+ r.failed() + (r.sendingEnabled() ? "." : ". Mail sending is off, so nothing was sent."));
		return "redirect:/follow-up/mail";
	}

}
