package org.spinecell.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every failure of a JSON API controller as RFC 9457 problem details: field-level
 * {@code errors} for bad input, never a stack trace, and a bare 500 only for genuine faults.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	static final String TYPE_BASE = "https://spinecell.org/problems/";

	/**
	 * The one place a {@link Refusal.Kind} becomes an HTTP status: for problem details here, for
	 * the browser's error page and for the survey portal.
	 */
	public static HttpStatus status(Refusal.Kind kind) {
		return switch (kind) {
			case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
			case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case GONE -> HttpStatus.GONE;
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
	}

	/** The status a refusal is answered with. */
	public static HttpStatus status(Refusal refusal) {
		return status(refusal.kind());
	}

	@ExceptionHandler(Refusal.class)
	ResponseEntity<ProblemDetail> handleApi(Refusal ex) {
		return problem(status(ex), ex.title(), ex.getMessage(), ex.errors());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> handleStale(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "Conflict",
				"The record was changed by someone else; reload it and apply your change again",
				List.of(new FieldProblem("version", "stale version")));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> handleIntegrity(DataIntegrityViolationException ex) {
		// The database message may quote values; log only the exception type.
		log.warn("Integrity violation refused: {}", ex.getClass().getSimpleName());
		return problem(HttpStatus.CONFLICT, "Conflict", "The change conflicts with existing data", List.of());
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void rethrowSecurity(RuntimeException ex) {
		// Let Spring Security's entry point and access-denied handler answer 401 / 403.
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
		log.error("Unexpected error in API request", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The server could not complete the request; the error has been logged", List.of());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(e -> errors.add(new FieldProblem(e.getField(), message(e.getDefaultMessage()))));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(e -> errors.add(new FieldProblem(e.getObjectName(), message(e.getDefaultMessage()))));
		return widen(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors().forEach(e -> errors.add(new FieldProblem(name, message(e.getDefaultMessage()))));
		});
		return widen(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return widen(unreadable(ex));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
		return widen(problem(HttpStatus.BAD_REQUEST, "Bad request", "Parameter '" + name + "' has the wrong type",
				List.of(new FieldProblem(String.valueOf(name), "wrong type"))));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail detail && detail.getType() == null) {
			detail.setType(URI.create(TYPE_BASE + statusCode.value()));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			String field = path(unknown);
			return problem(HttpStatus.BAD_REQUEST, "Bad request", "Unknown field '" + field + "'",
					List.of(new FieldProblem(field, "unknown field")));
		}
		if (cause instanceof StrictJson.UnstorableText text) {
			String field = path(text);
			return problem(HttpStatus.BAD_REQUEST, "Bad request", "Field '" + field + "' " + text.reason(),
					List.of(new FieldProblem(field, text.reason())));
		}
		if (cause instanceof StreamReadException read && duplicateField(read) != null) {
			String field = duplicateField(read);
			return problem(HttpStatus.BAD_REQUEST, "Bad request", "Field '" + field + "' is sent more than once",
					List.of(new FieldProblem(field, "sent more than once")));
		}
		if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
			String field = path((JacksonException) cause);
			if (!field.isEmpty()) {
				return problem(HttpStatus.BAD_REQUEST, "Bad request", "Field '" + field + "' has the wrong type or format",
						List.of(new FieldProblem(field, "wrong type or format")));
			}
		}
		return problem(HttpStatus.BAD_REQUEST, "Bad request", "The request body is not valid JSON", List.of());
	}

	/**
	 * The path of a key the body sends twice ({@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}),
	 * read from where the parser stopped, or {@code null} for any other parse error.
	 */
	static String duplicateField(StreamReadException ex) {
		if (ex.processor() == null || ex.getOriginalMessage() == null
				|| !ex.getOriginalMessage().startsWith("Duplicate Object property")) {
			return null;
		}
		java.util.Deque<TokenStreamContext> chain = new java.util.ArrayDeque<>();
		for (TokenStreamContext c = ex.processor().streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
			chain.push(c);
		}
		StringBuilder field = new StringBuilder();
		for (TokenStreamContext c : chain) {
			if (c.inArray()) {
				field.append('[').append(c.getCurrentIndex()).append(']');
			}
			else if (c.currentName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(c.currentName());
			}
		}
		return field.toString();
	}

	static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String message(String message) {
		return message == null ? "invalid" : message;
	}

	private static ResponseEntity<ProblemDetail> invalid(List<FieldProblem> errors) {
		Refusal ex = Refusal.invalid(errors);
		return problem(status(ex), ex.title(), ex.getMessage(), errors);
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String title, String detail,
			List<FieldProblem> errors) {
		ProblemDetail body = problemDetail(status, title, detail, errors);
		return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	static ProblemDetail problemDetail(HttpStatusCode status, String title, String detail, List<FieldProblem> errors) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(URI.create(TYPE_BASE + status.value()));
		body.setTitle(title);
		if (!errors.isEmpty()) {
			body.setProperty("errors", errors);
		}
		return body;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> entity) {
		return (ResponseEntity) entity;
	}

}
