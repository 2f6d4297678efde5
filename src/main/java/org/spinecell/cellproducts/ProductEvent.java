package org.spinecell.cellproducts;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One step in a product's life, as recorded: harvest, a processing step, a QC result, a custody
 * hand-off, a state change, a classification or the release.
 *
 * @param data the step's details as JSON
 */
public record ProductEvent(UUID id, UUID productId, Kind kind, Instant occurredAt, Instant recordedAt,
		String recordedByName, @JsonRawValue String data) {

	public enum Kind {

		HARVEST, PROCESSING_STEP, QC_RESULT, CUSTODY, STATE_CHANGE, CLASSIFICATION, RELEASE

	}

}
