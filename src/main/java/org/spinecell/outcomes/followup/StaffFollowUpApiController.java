package org.spinecell.outcomes.followup;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.FollowUpService;
import org.spinecell.outcomes.responses.RecordedResponse;
import org.spinecell.outcomes.survey.SurveyLinks;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff entering a follow-up's answers (phone or paper) and printing its survey letter. */
@RestController
class StaffFollowUpApiController {

	private final StaffFollowUpService staff;

	private final FollowUpService followUps;

	private final SurveyLinks links;

	StaffFollowUpApiController(StaffFollowUpService staff, FollowUpService followUps, SurveyLinks links) {
		this.links = links;
		this.staff = staff;
		this.followUps = followUps;
	}

	record EntryRequest(@NotBlank @Size(max = 64) String instrument,
			@NotNull @Size(max = 200) Map<String, Object> answers) {
	}

	/** The stored response; a repeat of the same answers gets the same body. */
	record EntryResponse(UUID id, UUID patientId, UUID followUpId, String instrument, String instrumentVersion,
			Map<String, Object> answers, Map<String, Object> components, BigDecimal score, boolean valid,
			String invalidReason, boolean enteredByStaff, Instant submittedAt, FollowUp.Status followUpStatus) {

		static EntryResponse of(StaffFollowUpService.Entered entered, FollowUp.Status status) {
			RecordedResponse r = entered.response();
			return new EntryResponse(r.id(), r.patientId(), r.followUpId(), r.instrument(), r.instrumentVersion(),
					r.answers(), r.components(), r.score(), r.valid(), r.invalidReason(), r.enteredByStaff(),
					r.submittedAt(), status);
		}

	}

	@PostMapping("/api/v1/follow-ups/{id}/responses")
	ResponseEntity<EntryResponse> enter(@PathVariable UUID id, @Valid @RequestBody EntryRequest request) {
		StaffFollowUpService.Entered entered = staff.enter(id, request.instrument(), request.answers());
		EntryResponse body = EntryResponse.of(entered, entered.followUp().statusOn(followUps.today()));
		if (entered.response().duplicate()) {
			return ResponseEntity.ok(body);
		}
		return ResponseEntity
			.created(URI.create("/api/v1/patients/" + body.patientId() + "/responses/" + body.id()))
			.body(body);
	}

	@PostMapping(value = "/api/v1/follow-ups/{id}/letter", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> letter(@PathVariable UUID id) {
		return pdf(staff.letter(id, links::url));
	}

	/** A letter for printing: never cached, since it carries a survey link. */
	static ResponseEntity<byte[]> pdf(byte[] letter) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"survey-letter.pdf\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(letter);
	}

}
