package org.spinecell.patients.breakglass;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Audits a read under a break-glass grant once per request and patient, naming the request: a
 * chart page reads the patient once per section, and a record read may also read its patient.
 */
@Component
public class BreakGlassReadLog {

	private final BreakGlassAudit audit;

	BreakGlassReadLog(BreakGlassAudit audit) {
		this.audit = audit;
	}

	/** {@code patientId} is null when only row-level security ties the record to a granted patient. */
	public void read(UUID clinicId, UUID patientId) {
		String key = "spinecell.break-glass-read." + clinicId + "." + patientId;
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) != null) {
			return;
		}
		String what = request instanceof ServletRequestAttributes servlet
				? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI() : "read";
		audit.read(clinicId, patientId, what);
		if (request != null) {
			request.setAttribute(key, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
		}
	}

}
