package org.spinecell.audit;

import org.spinecell.platform.Page;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

	private final AuditService audit;

	AuditApiController(AuditService audit) {
		this.audit = audit;
	}

	@GetMapping
	Page<AuditEntry> search(@RequestParam(required = false) String entityType,
			@RequestParam(required = false) String entityId, @RequestParam(required = false) String user,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return audit.search(new AuditQuery(entityType, entityId, user), page, size);
	}

	@GetMapping("/verify")
	ChainVerification verify() {
		return audit.verify();
	}

}
