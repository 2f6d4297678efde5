package org.spinecell.platform;

import java.util.List;

/**
 * A rule refusing a request, in words a caller can act on: what kind of refusal it is, a short
 * title, a detail sentence and, where fields are at fault, one entry per field. It knows nothing
 * of HTTP: domain objects and services throw the factory results, and
 * {@link ApiProblemHandler#status(Kind)} is the one place a kind becomes a status (problem details
 * for the API, the error page for the browser).
 */
public class Refusal extends RuntimeException {

	/** What sort of refusal this is; each maps to one HTTP status at the edge. */
	public enum Kind {

		/** Input the server cannot interpret at all (bad parameter, unknown sort field). */
		BAD_REQUEST,
		/** The caller is not (fully) signed in: no valid credentials or second factor. */
		UNAUTHENTICATED,
		/** A caller who may see the thing but not do this to it. */
		FORBIDDEN,
		/** No such record, or one the caller may not see. */
		NOT_FOUND,
		/** The request conflicts with the record's current state. */
		CONFLICT,
		/** The thing existed but is no longer available (an expired or completed link). */
		GONE,
		/** Well-formed input that breaks a validation rule. */
		INVALID

	}

	private final Kind kind;

	private final String title;

	private final List<FieldProblem> errors;

	protected Refusal(Kind kind, String title, String detail, List<FieldProblem> errors) {
		super(detail);
		this.kind = kind;
		this.title = title;
		this.errors = List.copyOf(errors);
	}

	/** A caller who may see the thing but not do this to it. */
	public static Refusal forbidden(String detail) {
		return new Refusal(Kind.FORBIDDEN, "Forbidden", detail, List.of());
	}

	/** No such record, or one the caller may not see: the two are indistinguishable on purpose. */
	public static Refusal notFound(String entity) {
		return new Refusal(Kind.NOT_FOUND, "Not found", entity + " not found", List.of());
	}

	/** The request conflicts with the record's current state (duplicate, stale version, rule). */
	public static Refusal conflict(String detail, List<FieldProblem> errors) {
		return new Refusal(Kind.CONFLICT, "Conflict", detail, errors);
	}

	public static Refusal conflict(String detail) {
		return conflict(detail, List.of());
	}

	/** Well-formed input that breaks a validation rule. */
	public static Refusal invalid(List<FieldProblem> errors) {
		return new Refusal(Kind.INVALID, "Validation failed", "The request has invalid fields", errors);
	}

	public static Refusal invalid(String field, String message) {
		return invalid(List.of(new FieldProblem(field, message)));
	}

	/** Input the server cannot interpret at all (bad parameter, unknown sort field). */
	public static Refusal badRequest(String field, String message) {
		return new Refusal(Kind.BAD_REQUEST, "Bad request", message, List.of(new FieldProblem(field, message)));
	}

	public Kind kind() {
		return kind;
	}

	public String title() {
		return title;
	}

	public List<FieldProblem> errors() {
		return errors;
	}

}
