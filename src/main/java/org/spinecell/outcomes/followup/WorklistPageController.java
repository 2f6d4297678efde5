package org.spinecell.outcomes.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.spinecell.accounts.Clinic;
import org.spinecell.accounts.ClinicService;
import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.FollowUpService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.Words;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinators' follow-up worklist: who is due or overdue today, the counts per status, and
 * the completion rate per time point; with completing and cancelling a follow-up.
 */
@Controller
@RequestMapping("/follow-up")
class WorklistPageController {

	private final FollowUpService followUps;

	private final ClinicService clinics;

	private final Words words;

	WorklistPageController(FollowUpService followUps, ClinicService clinics, Words words) {
		this.words = words;
		this.followUps = followUps;
		this.clinics = clinics;
	}

	/**
	 * The worklist, filtered and sorted as asked. An htmx request (the filter form, a column
	 * heading) gets the results part only; the address bar keeps the full query, so a reload or a
	 * shared link shows the same list.
	 */
	@GetMapping
	String worklist(@RequestParam(required = false) UUID clinicId, @RequestParam(required = false) String status,
			@RequestParam(required = false) String timePoint, @RequestParam(required = false) String q,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		List<Clinic> mine = clinics.findAll(CurrentUser.get().clinicIds());
		UUID clinic = clinicId != null && CurrentUser.get().isMemberOf(clinicId) ? clinicId : null;
		Set<FollowUp.Status> statuses;
		try {
			statuses = FollowUpApiController.statuses(status);
		}
		catch (Refusal ex) {
			status = null;
			statuses = FollowUpApiController.statuses(null);
		}
		List<String> timePoints = followUps.timePoints();
		String point = timePoints.contains(timePoint) ? timePoint : null;
		WorklistQuery query = new WorklistQuery(clinic, statuses, point, q, WorklistQuery.Sort.of(sort),
				"desc".equalsIgnoreCase(dir));
		LocalDate today = followUps.today();
		model.addAttribute("navSection", "followup");
		model.addAttribute("clinics", mine);
		model.addAttribute("clinicNames", mine.stream().collect(Collectors.toMap(Clinic::id, Clinic::name)));
		model.addAttribute("clinicId", clinic);
		model.addAttribute("status", status == null || status.isBlank() ? "" : status);
		model.addAttribute("timePoints", timePoints);
		model.addAttribute("query", query);
		model.addAttribute("today", today);
		model.addAttribute("items", followUps.worklist(query, today));
		if (htmx != null) {
			return "outcomes/worklist :: results";
		}
		model.addAttribute("counts", followUps.countsOn(clinic, today));
		model.addAttribute("completion", followUps.completion(clinic, today));
		return "outcomes/worklist";
	}

	@PostMapping("/{id}/complete")
	String complete(@PathVariable UUID id, @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
		try {
			FollowUp done = followUps.markCompleted(id);
			redirect.addFlashAttribute("flash", "Follow-up " + words.of("timePoint", done.timePoint()) + " marked complete.");
		}
		catch (Refusal ex) {
			if (ex.kind() == Refusal.Kind.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("flash", ex.getMessage() + ".");
		}
		return "redirect:" + safe(back);
	}

	@PostMapping("/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
		if (reason.isBlank() || reason.length() > 1000) {
			redirect.addFlashAttribute("flash", "Give the reason the follow-up is cancelled (at most 1000 characters).");
			return "redirect:" + safe(back);
		}
		try {
			FollowUp cancelled = followUps.cancel(id, reason.strip());
			redirect.addFlashAttribute("flash", "Follow-up " + words.of("timePoint", cancelled.timePoint()) + " cancelled.");
		}
		catch (Refusal ex) {
			if (ex.kind() == Refusal.Kind.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("flash", ex.getMessage() + ".");
		}
		return "redirect:" + safe(back);
	}

	/** Returns to the worklist or a patient chart only, never to another site. */
	private static String safe(String back) {
		return back.matches("/(follow-up|patients/[0-9a-f-]{36})") ? back : "/follow-up";
	}

}
