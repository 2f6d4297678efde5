package org.spinecell.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.spinecell.accounts.signin.SessionTerminator;
import org.spinecell.accounts.tokens.ApiTokenRepository;
import org.spinecell.accounts.users.AdministratorScope;
import org.spinecell.accounts.users.PasswordPolicy;
import org.spinecell.accounts.users.UserRepository;
import org.spinecell.accounts.users.UserRequests;
import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Page;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.Role;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: administrators create, change, disable and re-enable them and reset passwords,
 * within the reach {@link AdministratorScope} gives them (installation administrators every account,
 * clinic administrators the accounts of their own clinics). Every change is audited on the global
 * chain; passwords and hashes never reach the trail.
 */
@Service
public class UserService {

	public static final String ENTITY = "User";

	private final UserRepository users;

	private final ApiTokenRepository tokens;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final SessionTerminator sessions;

	UserService(UserRepository users, ApiTokenRepository tokens, PasswordPolicy passwordPolicy,
			PasswordEncoder passwordEncoder, AuditTrail audit, SessionTerminator sessions) {
		this.users = users;
		this.tokens = tokens;
		this.passwordPolicy = passwordPolicy;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.sessions = sessions;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public UserAccount create(UserRequests.Create request) {
		AdministratorScope.requireGrantable(CurrentUser.get(), request.clinicIds());
		List<FieldProblem> problems = new ArrayList<>();
		passwordPolicy.check(request.password(), request.username())
			.ifPresent(message -> problems.add(new FieldProblem("password", message)));
		problems.addAll(unknownClinics(request.clinicIds()));
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
		if (users.usernameTaken(request.username())) {
			throw Refusal.conflict("The username is taken",
					List.of(new FieldProblem("username", "already in use")));
		}
		UserAccount user = new UserAccount(UUID.randomUUID(), request.username(), request.displayName(),
				request.roles(), request.clinicIds(), true, false, 0);
		users.insert(user, passwordEncoder.encode(request.password()), CurrentUser.get().id());
		audit.created(ENTITY, user.id(), null, user.snapshot());
		return user;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public Page<UserAccount> list(int page, int size) {
		Page.checkParameters(page, size);
		CurrentUser admin = CurrentUser.get();
		if (admin.isInstallationAdmin()) {
			return new Page<>(users.list(page, size), page, size, users.count());
		}
		return new Page<>(users.listOfClinics(admin.clinicIds(), page, size), page, size,
				users.countOfClinics(admin.clinicIds()));
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public UserAccount get(UUID id) {
		return AdministratorScope.requireVisible(CurrentUser.get(), find(id));
	}

	/** Whether the signed-in administrator may change the account, for showing or hiding the forms. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public boolean mayManage(UUID id) {
		return AdministratorScope.mayManage(CurrentUser.get(), find(id));
	}

	/** The account if the signed-in administrator may change it (404 or 403 otherwise). */
	UserAccount manageable(UUID id) {
		return AdministratorScope.requireManageable(CurrentUser.get(), find(id));
	}

	private UserAccount find(UUID id) {
		return users.find(id).orElseThrow(() -> Refusal.notFound(ENTITY));
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public UserAccount update(UUID id, UserRequests.Update request) {
		CurrentUser admin = CurrentUser.get();
		UserAccount before = manageable(id);
		AdministratorScope.requireNotOwnAccess(admin, before, request.roles(), request.clinicIds());
		AdministratorScope.requireGrantable(admin, request.clinicIds());
		List<FieldProblem> problems = unknownClinics(request.clinicIds());
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
		if (AdministratorScope.isInstallationAdmin(before.roles(), before.clinicIds())
				&& !AdministratorScope.isInstallationAdmin(request.roles(), request.clinicIds())) {
			requireAnotherAdmin(id, request.roles().contains(Role.ADMIN) ? "clinicIds" : "roles");
		}
		if (!users.update(id, request.displayName(), request.roles(), request.clinicIds(), request.version(),
				CurrentUser.get().id())) {
			throw Refusal.conflict("The user was changed by someone else; reload and try again",
					List.of(new FieldProblem("version", "stale version")));
		}
		UserAccount after = find(id);
		audit.updated(ENTITY, id, null, before.snapshot(), after.snapshot(), null);
		// Changed roles or clinics must not linger in open sessions or tokens.
		tokens.revokeAll(id);
		sessions.endSessionsOf(id);
		return after;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public UserAccount disable(UUID id) {
		UserAccount before = manageable(id);
		if (!before.enabled()) {
			return before;
		}
		if (AdministratorScope.isInstallationAdmin(before.roles(), before.clinicIds())) {
			requireAnotherAdmin(id, "enabled");
		}
		users.setEnabled(id, false, CurrentUser.get().id());
		tokens.revokeAll(id);
		sessions.endSessionsOf(id);
		UserAccount after = find(id);
		audit.updated(ENTITY, id, null, before.snapshot(), after.snapshot(), null);
		return after;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public UserAccount enable(UUID id) {
		UserAccount before = manageable(id);
		users.setEnabled(id, true, CurrentUser.get().id());
		UserAccount after = find(id);
		audit.updated(ENTITY, id, null, before.snapshot(), after.snapshot(), null);
		return after;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public UserAccount resetPassword(UUID id, String password) {
		UserAccount user = manageable(id);
		setPassword(user, password);
		return find(id);
	}

	/** Creates the first administrator when the instance has no account at all. */
	@Transactional
	public boolean createInitialAdmin(String username, String password) {
		if (users.count() > 0) {
			return false;
		}
		passwordPolicy.check(password, username).ifPresent(message -> {
			throw new IllegalStateException("SPINECELL_ADMIN_PASSWORD " + message);
		});
		UserAccount admin = new UserAccount(UUID.randomUUID(), username, "Administrator", Set.of(Role.ADMIN), Set.of(),
				true, false, 0);
		users.insert(admin, passwordEncoder.encode(password), CurrentUser.get().id());
		audit.created(ENTITY, admin.id(), null, admin.snapshot());
		return true;
	}

	private void setPassword(UserAccount user, String password) {
		passwordPolicy.check(password, user.username()).ifPresent(message -> {
			throw Refusal.invalid("password", message);
		});
		users.setPassword(user.id(), passwordEncoder.encode(password), CurrentUser.get().id());
		tokens.revokeAll(user.id());
		sessions.endSessionsOf(user.id());
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("password", new FieldChange("(previous)", "(reset)"));
		audit.record(null, AuditAction.UPDATE, ENTITY, user.id(), changes, "password reset by administrator");
	}

	/** An installation must keep an enabled installation administrator: only they can create clinics. */
	private void requireAnotherAdmin(UUID id, String field) {
		if (users.countEnabledInstallationAdminsOtherThan(id) == 0) {
			throw Refusal.conflict("This is the last enabled installation administrator",
					List.of(new FieldProblem(field, "at least one enabled installation administrator must remain")));
		}
	}

	private List<FieldProblem> unknownClinics(Set<UUID> clinicIds) {
		Set<UUID> existing = users.existingClinics(clinicIds);
		List<FieldProblem> problems = new ArrayList<>();
		for (UUID id : clinicIds) {
			if (!existing.contains(id)) {
				problems.add(new FieldProblem("clinicIds", "unknown clinic " + id));
			}
		}
		return problems;
	}

}
