package org.spinecell.audit;

import java.util.UUID;

import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Page;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the trail: for auditors and administrators, each limited to the entries of their own
 * clinics and the global-chain entries that concern those clinics (see AuditRepository). Verifying
 * checks every chain but reports only counts.
 */
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
		UUID reader = CurrentUser.get().id();
		return new Page<>(repository.search(query, reader, page, size), page, size, repository.count(query, reader));
	}

	@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		return repository.verify();
	}

}
