package org.spinecell.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal the API reports as RFC 9457 problem details: the status, a short title, a detail
 * sentence and, where fields are at fault, one entry per field. Services throw the factory
 * results; the problem-details handler renders them.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String title;

	private final List<FieldProblem> errors;

	protected ApiException(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
		super(detail);
		this.status = status;
		this.title = title;
		this.errors = List.copyOf(errors);
	}

	/** A caller who may see the thing but not do this to it. */
	public static ApiException forbidden(String detail) {
		return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", detail, List.of());
	}

	/** No such record, or one the caller may not see: the two are indistinguishable on purpose. */
	public static ApiException notFound(String entity) {
		return new ApiException(HttpStatus.NOT_FOUND, "Not found", entity + " not found", List.of());
	}

	/** The request conflicts with the record's current state (duplicate, stale version, rule). */
	public static ApiException conflict(String detail, List<FieldProblem> errors) {
		return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, errors);
	}

	public static ApiException conflict(String detail) {
		return conflict(detail, List.of());
	}

	/** Well-formed input that breaks a validation rule. */
	public static ApiException invalid(List<FieldProblem> errors) {
		return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Validation failed",
				"The request has invalid fields", errors);
	}

	public static ApiException invalid(String field, String message) {
		return invalid(List.of(new FieldProblem(field, message)));
	}

	/** Input the server cannot interpret at all (bad parameter, unknown sort field). */
	public static ApiException badRequest(String field, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, "Bad request", message, List.of(new FieldProblem(field, message)));
	}

	public HttpStatus status() {
		return status;
	}

	public String title() {
		return title;
	}

	public List<FieldProblem> errors() {
		return errors;
	}

}
