package org.spinecell.accounts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A clinic of the network. Clinical records belong to exactly one clinic.
 *
 * @param fin the facility identification number printed in cell-product identifiers, if registered
 */
public record Clinic(UUID id, String name, String city, String region, String country, String fin, int version) {

	/** The audited fields. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", name);
		values.put("city", city);
		values.put("region", region);
		values.put("country", country);
		values.put("fin", fin);
		return values;
	}

}
