package org.spinecell.patients.history;

import java.util.Locale;
import java.util.Optional;

import org.spinecell.platform.Refusal;
import org.spinecell.platform.Page;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looking up and searching the ICD-10-CM spine codes; open to every signed-in staff member. */
@Service
public class Icd10Catalogue {

	static final int MAX_RESULTS = 50;

	static final int MAX_QUERY_LENGTH = 100;

	/** More words than this cannot describe one code; refusing them keeps the SQL small. */
	static final int MAX_WORDS = 8;

	private final Icd10Repository codes;

	Icd10Catalogue(Icd10Repository codes) {
		this.codes = codes;
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public Page<Icd10Code> search(String text, int page, int size) {
		if (page < 0) {
			throw Refusal.badRequest("page", "page must be 0 or greater");
		}
		if (size < 1 || size > MAX_RESULTS) {
			throw Refusal.badRequest("size", "size must be between 1 and " + MAX_RESULTS);
		}
		if (text != null && text.length() > MAX_QUERY_LENGTH) {
			throw Refusal.badRequest("q", "q must be at most " + MAX_QUERY_LENGTH + " characters");
		}
		Icd10Repository.Query query = Icd10Repository.Query.of(text);
		if (query.words().size() > MAX_WORDS) {
			throw Refusal.badRequest("q", "q may have at most " + MAX_WORDS + " words");
		}
		return new Page<>(codes.search(query, page, size), page, size, codes.count(query));
	}

	/** The code exactly as stored (upper case, with its dot); callers check billability. */
	@Transactional(readOnly = true)
	public Optional<Icd10Code> find(String code) {
		return code == null ? Optional.empty() : codes.find(code.strip().toUpperCase(Locale.ROOT));
	}

}
