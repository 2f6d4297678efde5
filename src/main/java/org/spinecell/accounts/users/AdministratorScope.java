package org.spinecell.accounts.users;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.spinecell.accounts.UserAccount;
import org.spinecell.accounts.UserService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;


/**
 * What an administrator may manage (ADR 0016). An installation administrator (an administrator
 * without a clinic, or the system) manages every account and clinic. A clinic administrator (an
 * administrator with clinics) sees the accounts that share a clinic with them, manages only those
 * whose clinics all lie within their own, grants only their own clinics, and never changes their
 * own roles or clinics. An account without a clinic is the installation's to manage, so a clinic
 * administrator can neither manage nor make one: that is how an installation administrator is
 * never granted by a clinic administrator.
 */
public final class AdministratorScope {

	private AdministratorScope() {
	}

	/** A refusal of something the administrator may see but not do: 403 with the field at fault. */
	static final class Refused extends Refusal {

		Refused(String detail, String field, String message) {
			super(Kind.FORBIDDEN, "Forbidden", detail,
					field == null ? List.of() : List.of(new FieldProblem(field, message)));
		}

	}

	/** Whether the account shares a clinic with the administrator (or the administrator is an installation one). */
	static boolean maySee(CurrentUser admin, UserAccount account) {
		return admin.isInstallationAdmin() || account.clinicIds().stream().anyMatch(admin::isMemberOf);
	}

	/** Whether the administrator may change the account. */
	public static boolean mayManage(CurrentUser admin, UserAccount account) {
		return admin.isInstallationAdmin()
				|| (!account.clinicIds().isEmpty() && admin.clinicIds().containsAll(account.clinicIds()));
	}

	/** The account, if the administrator may see it; any other account is "not found". */
	public static UserAccount requireVisible(CurrentUser admin, UserAccount account) {
		if (!maySee(admin, account)) {
			throw Refusal.notFound(UserService.ENTITY);
		}
		return account;
	}

	/** The account, if the administrator may change it: 404 if not visible, 403 if shared with another clinic. */
	public static UserAccount requireManageable(CurrentUser admin, UserAccount account) {
		requireVisible(admin, account);
		if (!mayManage(admin, account)) {
			throw new Refused("This account also belongs to a clinic you do not administer; an installation "
					+ "administrator manages it", null, null);
		}
		return account;
	}

	/**
	 * Checks the clinics an administrator is about to give an account: a clinic administrator
	 * gives at least one clinic, and only clinics they administer.
	 */
	public static void requireGrantable(CurrentUser admin, Set<UUID> clinicIds) {
		if (admin.isInstallationAdmin()) {
			return;
		}
		if (clinicIds.isEmpty()) {
			throw new Refused("An account without a clinic administers or sees the whole installation; only an "
					+ "installation administrator creates one", "clinicIds", "choose at least one of your clinics");
		}
		for (UUID clinicId : clinicIds) {
			if (!admin.isMemberOf(clinicId)) {
				throw new Refused("You may give only the clinics you administer", "clinicIds",
						"you do not administer clinic " + clinicId);
			}
		}
	}

	/** Refuses a change of the administrator's own roles or clinics: nobody raises their own privileges. */
	public static void requireNotOwnAccess(CurrentUser admin, UserAccount before, Set<?> roles, Set<UUID> clinicIds) {
		if (!admin.id().equals(before.id())) {
			return;
		}
		if (!before.roles().equals(roles)) {
			throw new Refused("Nobody changes their own roles; another administrator does", "roles",
					"you cannot change your own roles");
		}
		if (!before.clinicIds().equals(clinicIds)) {
			throw new Refused("Nobody changes their own clinics; another administrator does", "clinicIds",
					"you cannot change your own clinics");
		}
	}

	/** Refuses what only an installation administrator does, such as creating a clinic. */
	public static void requireInstallationAdmin(CurrentUser admin, String what) {
		if (!admin.isInstallationAdmin()) {
			throw new Refused("Only an installation administrator " + what, null, null);
		}
	}

	/** Refuses changing a clinic the administrator does not administer: 404, as for any clinic they cannot see. */
	public static void requireAdministers(CurrentUser admin, UUID clinicId) {
		if (!admin.administers(clinicId)) {
			throw Refusal.notFound("Clinic");
		}
	}

	/** Whether the account is an installation administrator: an administrator without a clinic. */
	public static boolean isInstallationAdmin(Set<?> roles, Set<UUID> clinicIds) {
		return roles.contains(org.spinecell.platform.Role.ADMIN) && clinicIds.isEmpty();
	}

}
