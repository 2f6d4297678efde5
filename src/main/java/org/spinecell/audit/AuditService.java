package org.spinecell.audit;

import org.spinecell.platform.Page;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the trail: for auditors, and administrators for account events. */
@Service
public class AuditService {

	private final AuditRepository repository;

	AuditService(AuditRepository repository) {
		this.repository = repository;
	}

	@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public Page<AuditEntry> search(AuditQuery query, int page, int size) {
		Page.checkParameters(page, size);
		return new Page<>(repository.search(query, page, size), page, size, repository.count(query));
	}

	@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		return repository.verify();
	}

}
