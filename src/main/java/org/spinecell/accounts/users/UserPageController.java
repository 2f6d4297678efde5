package org.spinecell.accounts.users;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.spinecell.accounts.Clinic;
import org.spinecell.accounts.ClinicService;
import org.spinecell.accounts.UserAccount;
import org.spinecell.accounts.UserService;
import org.spinecell.accounts.mfa.MfaService;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Page;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.Role;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/users")
class UserPageController {

	private final UserService users;

	private final ClinicService clinics;

	private final MfaService mfa;

	UserPageController(UserService users, ClinicService clinics, MfaService mfa) {
		this.users = users;
		this.clinics = clinics;
		this.mfa = mfa;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "users";
	}

	@ModelAttribute("allRoles")
	List<Role> allRoles() {
		return List.of(Role.values());
	}

	@ModelAttribute("allClinics")
	List<Clinic> allClinics() {
		return clinics.visibleClinics();
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		Page<UserAccount> result = users.list(Math.max(page, 0), 50);
		model.addAttribute("users", result);
		return "accounts/users";
	}

	@GetMapping("/new")
	String newUser(Model model) {
		model.addAttribute("form", new NewUserForm());
		return "accounts/user-new";
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("form") NewUserForm form, BindingResult result, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				UserAccount user = users.create(new UserRequests.Create(form.getUsername(), form.getPassword(),
						form.getDisplayName(), form.getRoles(), form.getClinicIds()));
				redirect.addFlashAttribute("flash", "User " + user.username() + " created.");
				return "redirect:/admin/users/" + user.id();
			}
			catch (Refusal ex) {
				FormErrors.bind(ex, result);
			}
		}
		form.setPassword(null);
		return "accounts/user-new";
	}

	@GetMapping("/{id}")
	String show(@PathVariable UUID id, Model model) {
		UserAccount user = users.get(id);
		model.addAttribute("user", user);
		model.addAttribute("manageable", users.mayManage(id));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", EditUserForm.of(user));
		}
		return "accounts/user";
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("form") EditUserForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				users.update(id, new UserRequests.Update(form.getDisplayName(), form.getRoles(), form.getClinicIds(),
						form.getVersion()));
				redirect.addFlashAttribute("flash", "Changes saved.");
				return "redirect:/admin/users/" + id;
			}
			catch (Refusal ex) {
				FormErrors.bind(ex, result);
			}
		}
		model.addAttribute("user", users.get(id));
		model.addAttribute("manageable", users.mayManage(id));
		return "accounts/user";
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			users.disable(id);
			redirect.addFlashAttribute("flash", "Account disabled; its sessions and API tokens were ended.");
		}
		catch (Refusal ex) {
			if (ex.kind() == Refusal.Kind.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("flash", ex.getMessage() + ".");
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable UUID id, RedirectAttributes redirect) {
		users.enable(id);
		redirect.addFlashAttribute("flash", "Account enabled.");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/mfa/reset")
	String resetMfa(@PathVariable UUID id, RedirectAttributes redirect) {
		mfa.resetByAdmin(id);
		redirect.addFlashAttribute("flash",
				"Two-step sign-in reset; the user was signed out and sets it up again at the next sign-in.");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable UUID id, @RequestParam String password, RedirectAttributes redirect) {
		try {
			users.resetPassword(id, password);
			redirect.addFlashAttribute("flash", "Password reset; the user's sessions and API tokens were ended.");
		}
		catch (Refusal ex) {
			if (ex.kind() == Refusal.Kind.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("passwordError",
					ex.errors().isEmpty() ? ex.getMessage() : "The password " + ex.errors().get(0).message() + ".");
		}
		return "redirect:/admin/users/" + id;
	}

	/** Fields shared by the new-user and edit-user forms. */
	abstract static class UserForm {

		@NotBlank
		@Size(max = 200)
		private String displayName;

		@NotEmpty(message = "choose at least one role")
		private Set<Role> roles = EnumSet.noneOf(Role.class);

		private Set<UUID> clinicIds = new LinkedHashSet<>();

		public String getDisplayName() {
			return displayName;
		}

		public void setDisplayName(String displayName) {
			this.displayName = displayName;
		}

		public Set<Role> getRoles() {
			return roles;
		}

		public void setRoles(Set<Role> roles) {
			this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
		}

		public Set<UUID> getClinicIds() {
			return clinicIds;
		}

		public void setClinicIds(Set<UUID> clinicIds) {
			this.clinicIds = clinicIds == null ? new LinkedHashSet<>() : clinicIds;
		}

	}

	static class NewUserForm extends UserForm {

		@NotBlank
		@Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "3 to 64 letters, digits, dots, hyphens or underscores")
		private String username;

		@NotBlank
		@Size(max = 128)
		private String password;

		public String getUsername() {
			return username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

	}

	static class EditUserForm extends UserForm {

		private int version;

		static EditUserForm of(UserAccount user) {
			EditUserForm form = new EditUserForm();
			form.setDisplayName(user.displayName());
			form.setRoles(user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles()));
			form.setClinicIds(new LinkedHashSet<>(user.clinicIds()));
			form.version = user.version();
			return form;
		}

		public int getVersion() {
			return version;
		}

		public void setVersion(int version) {
			this.version = version;
		}

	}

}
