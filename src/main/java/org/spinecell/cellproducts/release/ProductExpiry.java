package org.spinecell.cellproducts.release;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinecell.accounts.Clinic;
import org.spinecell.accounts.ClinicService;
import org.spinecell.cellproducts.ProductCustodyService;
import org.spinecell.platform.CurrentUser;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Once a minute, marks products whose expiry has passed as expired, in every clinic. */
@Component
class ProductExpiry {

	private static final Logger log = LoggerFactory.getLogger(ProductExpiry.class);

	private final ProductCustodyService custody;

	private final ClinicService clinics;

	ProductExpiry(ProductCustodyService custody, ClinicService clinics) {
		this.custody = custody;
		this.clinics = clinics;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT10S")
	void expireOverdue() {
		Set<UUID> all = CurrentUser.callAsSystem(Set.of(),
				() -> clinics.visibleClinics().stream().map(Clinic::id).collect(Collectors.toSet()));
		int expired = CurrentUser.callAsSystem(all, custody::expireOverdue);
		if (expired > 0) {
			log.info("Marked {} cell products as expired", expired);
		}
	}

}
