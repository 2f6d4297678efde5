package org.spinecell.platform;

import java.util.List;

/**
 * Something a module knows is waiting on the signed-in user (a classification to confirm, a
 * consent to record, a release to sign), as a bean: the dashboard's task list asks every source.
 * A source decides itself from the user's roles and clinics which tasks are theirs.
 */
public interface TaskSource {

	/** The user's tasks from this source, most urgent first; empty when nothing waits on them. */
	List<Task> tasksFor(CurrentUser user);

	/**
	 * One thing to do.
	 * @param action what to do, in words, naming the record (a product's DIN, a patient's name)
	 * @param href where to do it
	 * @param blocks what it holds up, such as "release of the product"
	 */
	record Task(String action, String href, String blocks) {
	}

}
