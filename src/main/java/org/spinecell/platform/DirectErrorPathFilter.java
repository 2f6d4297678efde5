package org.spinecell.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} requested directly, not forwarded to by the container with an error to show, is
 * a page that does not exist: 404 (the error page for browsers, problem details for others).
 * Spring Boot's error controller would answer 500 there, since it finds no status to report, and
 * declines to change that.
 */
@Component
class DirectErrorPathFilter extends OncePerRequestFilter {

	private static final String ERROR_PATH = "/error";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !ERROR_PATH.equals(request.getServletPath())
				|| request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
			response.sendError(HttpStatus.NOT_FOUND.value());
		}
		else {
			ProblemResponses.write(request, response, HttpStatus.NOT_FOUND, "Not found", "No such page");
		}
	}

}
