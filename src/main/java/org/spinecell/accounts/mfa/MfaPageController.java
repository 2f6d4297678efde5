package org.spinecell.accounts.mfa;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.HttpServletRequest;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FormErrors;

import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The second sign-in step, and enrolling or turning off one's own second factor. */
@Controller
class MfaPageController {

	private final MfaService mfa;

	MfaPageController(MfaService mfa) {
		this.mfa = mfa;
	}

	/** The code typed at sign-in or to confirm an enrolment; a password where one is needed too. */
	static class CodeForm {

		private String code;

		private String password;

		public String getCode() {
			return code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

	}

	@GetMapping(MfaLoginFlow.CHALLENGE_PATH)
	String challenge(Model model) {
		model.addAttribute("form", new CodeForm());
		return "accounts/mfa-challenge";
	}

	@PostMapping(MfaLoginFlow.CHALLENGE_PATH)
	String answer(@ModelAttribute("form") CodeForm form, BindingResult result, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) {
		if (!MfaLoginFlow.pending(request)) {
			return "redirect:/";
		}
		MfaService.Outcome outcome = mfa.verify(CurrentUser.get().id(), form.getCode());
		switch (outcome) {
			case ACCEPTED -> {
				MfaLoginFlow.completed(request);
				return "redirect:/";
			}
			case LOCKED -> {
				new SecurityContextLogoutHandler().logout(request, response, null);
				return "redirect:/login?error";
			}
			default -> {
				result.rejectValue("code", "refused", "Wrong, expired or already used code. Enter the 6 digits your "
						+ "app shows now, or one of your recovery codes.");
				form.setCode(null);
				return "accounts/mfa-challenge";
			}
		}
	}

	@GetMapping(MfaLoginFlow.ENROL_PATH)
	String enrolment(Model model, HttpServletRequest request) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new CodeForm());
		}
		if (mfa.isEnrolled()) {
			return "accounts/mfa";
		}
		MfaService.PendingEnrolment pending = mfa.begin();
		model.addAttribute("secretGroups", pending.secretGroups());
		model.addAttribute("qrCode", qrDataUri(pending.otpauthUri()));
		model.addAttribute("mustEnrol", MfaLoginFlow.pending(request));
		return "accounts/mfa-enrol";
	}

	@PostMapping(MfaLoginFlow.ENROL_PATH)
	String confirm(@ModelAttribute("form") CodeForm form, BindingResult result, Model model,
			HttpServletRequest request) {
		try {
			List<String> codes = mfa.confirm(form.getCode());
			MfaLoginFlow.completed(request);
			model.addAttribute("recoveryCodes", codes);
			return "accounts/mfa-recovery";
		}
		catch (Refusal ex) {
			FormErrors.bind(ex, result);
			form.setCode(null);
			return enrolment(model, request);
		}
	}

	@PostMapping(MfaLoginFlow.ENROL_PATH + "/disable")
	String disable(@ModelAttribute("form") CodeForm form, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			mfa.disableOwn(form.getPassword(), form.getCode());
		}
		catch (Refusal ex) {
			FormErrors.bind(ex, result);
			form.setCode(null);
			form.setPassword(null);
			return "accounts/mfa";
		}
		if (mfa.appliesTo(CurrentUser.get().id())) {
			// Required for this account: nothing else until a new factor is set up.
			request.getSession().setAttribute(MfaLoginFlow.PENDING, Boolean.TRUE);
		}
		redirect.addFlashAttribute("flash", "Two-step sign-in was turned off and the recovery codes deleted.");
		return "redirect:" + MfaLoginFlow.ENROL_PATH;
	}

	/** The provisioning URI as a QR code in a PNG data URI (the CSP allows data: images, no scripts). */
	static String qrDataUri(String contents) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(contents, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, 4));
			int scale = 6;
			BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
					BufferedImage.TYPE_BYTE_BINARY);
			for (int y = 0; y < image.getHeight(); y++) {
				for (int x = 0; x < image.getWidth(); x++) {
					image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
				}
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
		}
		catch (WriterException | IOException ex) {
			throw new IllegalStateException("cannot draw the QR code", ex);
		}
	}

}
