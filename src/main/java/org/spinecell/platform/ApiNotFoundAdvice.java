package org.spinecell.platform;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests under {@code /api/} that no controller method takes — no such path, a method the path
 * does not allow, a body type it does not read, an answer type it cannot give — are refused before
 * a controller is chosen, so {@link ApiProblemHandler} (which advises controllers) never sees
 * them. They answer problem details like every other API refusal; other paths keep the HTML pages.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiNotFoundAdvice {

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NoResourceFoundException ex, HttpServletRequest request)
			throws NoResourceFoundException {
		if (!isApi(request)) {
			throw ex;
		}
		return ApiProblemHandler.problem(HttpStatus.NOT_FOUND, "Not found", "No such API endpoint", List.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException ex,
			HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
		if (!isApi(request)) {
			throw ex;
		}
		ResponseEntity<ProblemDetail> problem = ApiProblemHandler.problem(HttpStatus.METHOD_NOT_ALLOWED,
				"Method not allowed", "This endpoint does not accept " + ex.getMethod(), List.of());
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(problem.getHeaders());
		if (ex.getSupportedHttpMethods() != null) {
			headers.setAllow(ex.getSupportedHttpMethods());
		}
		return new ResponseEntity<>(problem.getBody(), headers, problem.getStatusCode());
	}

	@ExceptionHandler({ HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class })
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeException ex, HttpServletRequest request)
			throws HttpMediaTypeException {
		if (!isApi(request)) {
			throw ex;
		}
		return ex instanceof HttpMediaTypeNotSupportedException
				? ApiProblemHandler.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
						"Send the body as application/json", List.of())
				: ApiProblemHandler.problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
						"This endpoint answers application/json", List.of());
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

}
