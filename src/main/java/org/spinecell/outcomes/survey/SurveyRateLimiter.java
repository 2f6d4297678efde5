package org.spinecell.outcomes.survey;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fixed-window request counters for the patient survey: so many requests a minute per token and
 * per client address. The counters live in this instance's memory only: with several instances
 * behind a load balancer each one counts on its own (the effective limit is multiplied by the
 * number of instances) and a restart forgets them. That is acceptable as a brake on guessing and
 * flooding; a shared limit would need a shared store.
 */
@Component
public class SurveyRateLimiter {

	static final Duration WINDOW = Duration.ofMinutes(1);

	/** Above this many tracked keys, expired windows are swept before adding another. */
	private static final int SWEEP_ABOVE = 10_000;

	private final int perToken;

	private final int perAddress;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	SurveyRateLimiter(@Value("${spinecell.survey.requests-per-minute-per-token:30}") int perToken,
			@Value("${spinecell.survey.requests-per-minute-per-address:60}") int perAddress) {
		this.perToken = perToken;
		this.perAddress = perAddress;
	}

	private record Window(long start, int count) {
	}

	/** Counts one request; false when the token's or the address's limit is exceeded. */
	boolean tryAcquire(String tokenKey, String address) {
		long now = System.nanoTime();
		if (windows.size() > SWEEP_ABOVE) {
			windows.values().removeIf(w -> now - w.start() >= WINDOW.toNanos());
		}
		boolean tokenOk = count("t:" + tokenKey, now) <= perToken;
		boolean addressOk = count("a:" + address, now) <= perAddress;
		return tokenOk && addressOk;
	}

	private int count(String key, long now) {
		return windows.compute(key, (k, w) -> (w == null || now - w.start() >= WINDOW.toNanos()) ? new Window(now, 1)
				: new Window(w.start(), w.count() + 1)).count();
	}

	/** Forgets every counter (for tests). */
	public void reset() {
		windows.clear();
	}

}
