package org.spinecell.accounts.users;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import org.spinecell.accounts.UserAccount;
import org.spinecell.accounts.UserService;
import org.spinecell.accounts.mfa.MfaService;
import org.spinecell.platform.Page;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
class UserApiController {

	private final UserService users;

	private final MfaService mfa;

	UserApiController(UserService users, MfaService mfa) {
		this.users = users;
		this.mfa = mfa;
	}

	/** Removes the user's second factor (lost phone); they set up a new one at the next sign-in. */
	@org.springframework.web.bind.annotation.DeleteMapping("/{id}/mfa")
	ResponseEntity<Void> resetMfa(@PathVariable UUID id) {
		mfa.resetByAdmin(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping
	ResponseEntity<UserAccount> create(@Valid @RequestBody UserRequests.Create request) {
		UserAccount user = users.create(request);
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
	}

	@GetMapping
	Page<UserAccount> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return users.list(page, size);
	}

	@GetMapping("/{id}")
	UserAccount get(@PathVariable UUID id) {
		return users.get(id);
	}

	@PutMapping("/{id}")
	UserAccount update(@PathVariable UUID id, @Valid @RequestBody UserRequests.Update request) {
		return users.update(id, request);
	}

	@PostMapping("/{id}/disable")
	UserAccount disable(@PathVariable UUID id) {
		return users.disable(id);
	}

	@PostMapping("/{id}/enable")
	UserAccount enable(@PathVariable UUID id) {
		return users.enable(id);
	}

	@PostMapping("/{id}/password")
	UserAccount resetPassword(@PathVariable UUID id, @Valid @RequestBody UserRequests.PasswordReset request) {
		return users.resetPassword(id, request.password());
	}

}
