package org.spinecell.platform;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list endpoint's results, in the shape every list endpoint returns.
 *
 * @param items the records on this page
 * @param page zero-based page number
 * @param size the requested page size
 * @param total how many records match in all
 */
public record Page<T>(List<T> items, int page, int size, long total) {

	public static final int MAX_SIZE = 200;

	public Page {
		items = List.copyOf(items);
	}

	/** Checks paging parameters as a client sent them; bad values are a 400 naming the parameter. */
	public static void checkParameters(int page, int size) {
		if (page < 0) {
			throw Refusal.badRequest("page", "page must be 0 or greater");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw Refusal.badRequest("size", "size must be between 1 and " + MAX_SIZE);
		}
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(items.stream().map(mapper).toList(), page, size, total);
	}

}
