package org.spinecell.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for auditors: filter by record or user, and check the hash chains. */
@Controller
@RequestMapping("/audit")
class AuditPageController {

	private final AuditService audit;

	AuditPageController(AuditService audit) {
		this.audit = audit;
	}

	@GetMapping
	String browse(@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) String user, @RequestParam(defaultValue = "0") int page, Model model) {
		AuditQuery query = new AuditQuery(entityType, entityId, user);
		model.addAttribute("navSection", "audit");
		model.addAttribute("query", query);
		model.addAttribute("entries", audit.search(query, Math.max(page, 0), 50));
		return "audit/trail";
	}

	/** Verification reads only, but it is a deliberate action, so it is a POST button. */
	@PostMapping("/verify")
	String verify(Model model) {
		model.addAttribute("navSection", "audit");
		model.addAttribute("query", new AuditQuery(null, null, null));
		model.addAttribute("entries", audit.search(new AuditQuery(null, null, null), 0, 50));
		model.addAttribute("verification", audit.verify());
		return "audit/trail";
	}

}
