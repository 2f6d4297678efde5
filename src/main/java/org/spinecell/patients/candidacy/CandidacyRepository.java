package org.spinecell.patients.candidacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.patients.CandidacyAssessment;
import org.spinecell.patients.CandidacyDecision.Decision;
import org.spinecell.patients.CandidacyDecision.Reason;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for published candidacy rule sets and the screening decisions made with them. */
@Repository
public class CandidacyRepository {

	private static final String COLUMNS = """
			id, clinic_id, patient_id, checklist::text AS checklist, inputs::text AS inputs, decision,
			reasons::text AS reasons, rule_set_name, rule_set_version, rule_set_source, assessed_at, assessed_by,
			override_decision, override_reason, overridden_at, overridden_by, version
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CandidacyRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A clinic's published rule set: its version and JSON. */
	public record PublishedRuleSet(int version, String rules) {
	}

	public Optional<PublishedRuleSet> currentRuleSet(UUID clinicId) {
		return jdbc.sql("""
				SELECT version, rules::text AS rules FROM candidacy_rule_set
				WHERE clinic_id = :clinicId ORDER BY version DESC LIMIT 1
				""")
			.param("clinicId", clinicId)
			.query((rs, i) -> new PublishedRuleSet(rs.getInt("version"), rs.getString("rules")))
			.optional();
	}

	public void publishRuleSet(UUID clinicId, CandidacyRuleSet ruleSet, UUID actor) {
		jdbc.sql("""
				INSERT INTO candidacy_rule_set (clinic_id, version, name, rules, created_by)
				VALUES (:clinicId, :version, :name, CAST(:rules AS jsonb), :actor)
				""")
			.param("clinicId", clinicId)
			.param("version", ruleSet.version())
			.param("name", ruleSet.name())
			.param("rules", ruleSet.toJson())
			.param("actor", actor)
			.update();
	}

	public void insert(CandidacyAssessment assessment) {
		jdbc.sql("""
				INSERT INTO candidacy_assessment (clinic_id, id, patient_id, checklist, inputs, decision, reasons,
				    rule_set_name, rule_set_version, rule_set_source, assessed_by, created_by, updated_by)
				VALUES (:clinicId, :id, :patientId, CAST(:checklist AS jsonb), CAST(:inputs AS jsonb), :decision,
				    CAST(:reasons AS jsonb), :ruleSetName, :ruleSetVersion, :ruleSetSource, :actor, :actor, :actor)
				""")
			.param("clinicId", assessment.clinicId())
			.param("id", assessment.id())
			.param("patientId", assessment.patientId())
			.param("checklist", json.writeValueAsString(assessment.checklist()))
			.param("inputs", json.writeValueAsString(assessment.inputs()))
			.param("decision", assessment.decision().name())
			.param("reasons", json.writeValueAsString(assessment.reasons()))
			.param("ruleSetName", assessment.ruleSetName())
			.param("ruleSetVersion", assessment.ruleSetVersion())
			.param("ruleSetSource", assessment.ruleSetSource())
			.param("actor", assessment.assessedBy())
			.update();
	}

	public boolean override(UUID clinicId, UUID id, Decision decision, String reason, int expectedVersion, UUID actor) {
		return jdbc.sql("""
				UPDATE candidacy_assessment SET override_decision = :decision, override_reason = :reason,
				       overridden_at = now(), overridden_by = :actor, version = version + 1, updated_at = now(),
				       updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id AND version = :version AND NOT voided
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("decision", decision.name())
			.param("reason", reason)
			.param("version", expectedVersion)
			.param("actor", actor)
			.update() == 1;
	}

	public Optional<CandidacyAssessment> find(UUID clinicId, UUID patientId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM candidacy_assessment
				WHERE clinic_id = :clinicId AND patient_id = :patientId AND id = :id AND NOT voided
				""")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/** A patient's screenings, newest first. */
	public List<CandidacyAssessment> forPatient(UUID clinicId, UUID patientId) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM candidacy_assessment
				WHERE clinic_id = :clinicId AND patient_id = :patientId AND NOT voided
				ORDER BY assessed_at DESC, id
				""")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.query(this::map)
			.list();
	}

	private CandidacyAssessment map(ResultSet rs, int row) throws SQLException {
		String override = rs.getString("override_decision");
		return new CandidacyAssessment(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("patient_id", UUID.class),
				json.readValue(rs.getString("checklist"), new TypeReference<Map<String, Boolean>>() {
				}), json.readValue(rs.getString("inputs"), new TypeReference<Map<String, Object>>() {
				}), Decision.valueOf(rs.getString("decision")),
				json.readValue(rs.getString("reasons"), new TypeReference<List<Reason>>() {
				}), rs.getString("rule_set_name"), rs.getInt("rule_set_version"), rs.getString("rule_set_source"),
				instant(rs.getTimestamp("assessed_at")), rs.getObject("assessed_by", UUID.class),
				override == null ? null : Decision.valueOf(override), rs.getString("override_reason"),
				instant(rs.getTimestamp("overridden_at")), rs.getObject("overridden_by", UUID.class),
				rs.getInt("version"));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
