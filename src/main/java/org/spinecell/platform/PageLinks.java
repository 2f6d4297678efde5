package org.spinecell.platform;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links to other pages of the list being shown, keeping every other query parameter: templates
 * call {@code @pageLinks.to(n)} from the shared pagination fragment.
 */
@Component("pageLinks")
public class PageLinks {

	public String to(int page) {
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("page", page)
			.build()
			.encode()
			.toUriString()
			.replaceFirst("^[a-z]+://[^/]+", "");
	}

}
