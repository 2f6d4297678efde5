package org.spinecell.patients;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.spinecell.patients.breakglass.BreakGlassGrant;
import org.spinecell.patients.breakglass.BreakGlassReadLog;
import org.spinecell.patients.breakglass.BreakGlassRepository;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.Role;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one check for a clinical record opened by its own id (a procedure, follow-up, adverse event,
 * safety task, care plan or cell product): the record is looked up in the signed-in user's clinics;
 * failing that, a physician reading (in a read-only transaction) also looks in the clinics where an
 * active break-glass grant opens a patient to them. Row-level security shows only the granted
 * patient's rows there (V19, V21), so a record of another patient of that clinic stays 404, and a
 * read-write transaction carries no grant, so no write can start from a record opened this way.
 * Each read under a grant is audited like a chart read.
 */
@Component
public class RecordAccess {

	private final BreakGlassRepository grants;

	private final BreakGlassReadLog readLog;

	RecordAccess(BreakGlassRepository grants, BreakGlassReadLog readLog) {
		this.grants = grants;
		this.readLog = readLog;
	}

	/**
	 * The record {@code find} returns for the clinics it is given, or 404 naming {@code entity}.
	 * {@code patientOf} names the patient the record belongs to (null when only row-level security
	 * ties it to a patient, as for a cell product given in one of their procedures).
	 */
	public <T> T read(String entity, Function<Set<UUID>, Optional<T>> find, Function<T, UUID> clinicOf,
			Function<T, UUID> patientOf) {
		CurrentUser user = CurrentUser.get();
		if (!user.clinicIds().isEmpty()) {
			Optional<T> own = find.apply(user.clinicIds());
			if (own.isPresent()) {
				return own.get();
			}
		}
		if (user.hasRole(Role.PHYSICIAN) && TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			Set<UUID> opened = grants.activeFor(user.id())
				.stream()
				.map(BreakGlassGrant::clinicId)
				.filter(clinic -> !user.isMemberOf(clinic))
				.collect(Collectors.toSet());
			if (!opened.isEmpty()) {
				Optional<T> granted = find.apply(opened);
				if (granted.isPresent()) {
					T record = granted.get();
					readLog.read(clinicOf.apply(record), patientOf.apply(record));
					return record;
				}
			}
		}
		throw Refusal.notFound(entity);
	}

}
