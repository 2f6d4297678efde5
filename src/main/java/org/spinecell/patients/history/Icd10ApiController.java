package org.spinecell.patients.history;

import org.spinecell.platform.Page;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/codes/icd10")
class Icd10ApiController {

	private final Icd10Catalogue catalogue;

	Icd10ApiController(Icd10Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping
	Page<Icd10Code> search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Icd10Catalogue.MAX_RESULTS) int size) {
		return catalogue.search(q, page, size);
	}

}
