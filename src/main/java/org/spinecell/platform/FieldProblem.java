package org.spinecell.platform;

/**
 * One problem with one input field, as listed in the {@code errors} member of a problem details
 * response and shown beside the field on a form.
 *
 * @param field the field's name as the client sent it (a JSON path such as {@code roles[0]})
 * @param message what is wrong, in words a user can act on
 */
public record FieldProblem(String field, String message) {
}
