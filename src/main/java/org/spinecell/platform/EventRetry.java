package org.spinecell.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again every event whose reaction failed or never ran (the application stopped between
 * the commit and the listener): each {@code spinecell.events.retry-interval} it resubmits the
 * incomplete publications of Spring Modulith's registry that are older than
 * {@code spinecell.events.retry-after}. Listeners are written to be safe to run twice. A reaction
 * that keeps failing stays in {@code event_publication} with its number of attempts (see
 * docs/operations.md) and is logged on each failure, never dropped.
 */
@Component
public class EventRetry {

	private static final Logger log = LoggerFactory.getLogger(EventRetry.class);

	private final IncompleteEventPublications incomplete;

	private final Duration retryAfter;

	EventRetry(IncompleteEventPublications incomplete, @Value("${spinecell.events.retry-after}") Duration retryAfter) {
		this.incomplete = incomplete;
		this.retryAfter = retryAfter;
	}

	@Scheduled(fixedDelayString = "${spinecell.events.retry-interval}", initialDelayString = "PT30S")
	public void retry() {
		retryOlderThan(retryAfter);
	}

	/** Resubmits the incomplete publications older than {@code age}; a failure is left for the next round. */
	public void retryOlderThan(Duration age) {
		try {
			incomplete.resubmitIncompletePublicationsOlderThan(age);
		}
		catch (RuntimeException ex) {
			// The failed publication stays incomplete and is tried again next round; only the type is logged.
			log.warn("Retrying event publications failed: {}", ex.getClass().getName());
		}
	}

}
