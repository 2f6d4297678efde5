package org.spinecell.cellproducts;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for cell products, their event log and the DIN sequence. Just over 300 lines because every
 * query of the {@code cell_product} and {@code product_event} tables is here, beside one row mapper.
 */
@Repository
class CellProductRepository {

	private static final String COLUMNS = """
			p.id, p.clinic_id, p.din, p.origin, p.patient_id, p.donor_id, p.recipient_patient_id, p.source_type,
			p.tissue, p.intended_use, p.route, p.same_surgical_procedure, p.additives, p.state, p.volume_ml,
			p.expires_at, p.storage_location, p.storage_temperature, p.ind_number, p.pathway,
			p.classification::text AS classification, p.classification_confirmed_at, p.release_signature_id,
			p.version, p.created_at,
			(SELECT e.recorded_by_name FROM product_event e WHERE e.clinic_id = p.clinic_id AND e.product_id = p.id
			   AND e.kind = 'CLASSIFICATION' AND e.data ->> 'confirmed' = 'true'
			 ORDER BY e.recorded_at DESC LIMIT 1) AS confirmed_by
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CellProductRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Takes the next DIN sequence number of a clinic and year, safely under concurrency. */
	long nextSequence(UUID clinicId, int year) {
		return jdbc.sql("""
				INSERT INTO din_sequence (clinic_id, year, last) VALUES (:clinicId, :year, 1)
				ON CONFLICT (clinic_id, year) DO UPDATE SET last = din_sequence.last + 1
				RETURNING last
				""").param("clinicId", clinicId).param("year", year).query(Long.class).single();
	}

	void insert(CellProduct product, UUID actor) {
		jdbc.sql("""
				INSERT INTO cell_product (clinic_id, id, din, origin, patient_id, donor_id, recipient_patient_id,
				    source_type, tissue, intended_use, route, same_surgical_procedure, additives, state, created_by,
				    updated_by)
				VALUES (:clinicId, :id, :din, :origin, :patientId, :donorId, :recipientId, :sourceType, :tissue,
				    :intendedUse, :route, :same, CAST(:additives AS text[]), :state, :actor, :actor)
				""")
			.param("clinicId", product.clinicId())
			.param("id", product.id())
			.param("din", product.din())
			.param("origin", product.origin().name())
			.param("patientId", product.patientId())
			.param("donorId", product.donorId())
			.param("recipientId", product.recipientPatientId())
			.param("sourceType", product.sourceType().name())
			.param("tissue", product.tissue().name())
			.param("intendedUse", product.intendedUse().name())
			.param("route", product.route().name())
			.param("same", product.sameSurgicalProcedure())
			.param("additives", "{" + String.join(",", CellProduct.names(product.additives())) + "}")
			.param("state", product.state().name())
			.param("actor", actor)
			.update();
	}

	/** Moves the product from one state to another; false if it was no longer in {@code from}. */
	boolean moveState(UUID clinicId, UUID id, ProductState from, ProductState to, UUID actor) {
		return jdbc.sql("""
				UPDATE cell_product SET state = :to, version = version + 1, updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id AND state = :from
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("from", from.name())
			.param("to", to.name())
			.param("actor", actor)
			.update() == 1;
	}

	boolean release(UUID clinicId, UUID id, UUID signatureId, UUID actor) {
		return jdbc.sql("""
				UPDATE cell_product SET state = 'RELEASED', release_signature_id = :signature, version = version + 1,
				       updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id AND state = 'QUARANTINE'
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("signature", signatureId)
			.param("actor", actor)
			.update() == 1;
	}

	void updateVolume(UUID clinicId, UUID id, BigDecimal volumeMl, UUID actor) {
		jdbc.sql("""
				UPDATE cell_product SET volume_ml = :volume, version = version + 1, updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id
				""").param("clinicId", clinicId).param("id", id).param("volume", volumeMl).param("actor", actor).update();
	}

	void updateStorage(UUID clinicId, UUID id, String location, String temperature, Instant expiresAt, UUID actor) {
		jdbc.sql("""
				UPDATE cell_product SET storage_location = coalesce(:location, storage_location),
				       storage_temperature = coalesce(:temperature, storage_temperature),
				       expires_at = coalesce(:expiresAt, expires_at), version = version + 1, updated_at = now(),
				       updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("location", location)
			.param("temperature", temperature)
			.param("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt))
			.param("actor", actor)
			.update();
	}

	void updateClassification(UUID clinicId, UUID id, Pathway pathway, String classificationJson, boolean confirmed,
			UUID actor) {
		jdbc.sql("""
				UPDATE cell_product SET pathway = :pathway, classification = CAST(:classification AS jsonb),
				       classification_confirmed_by = CASE WHEN :confirmed THEN :actor END,
				       classification_confirmed_at = CASE WHEN :confirmed THEN now() END,
				       version = version + 1, updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("pathway", pathway.name())
			.param("classification", classificationJson)
			.param("confirmed", confirmed)
			.param("actor", actor)
			.update();
	}

	void updateIndNumber(UUID clinicId, UUID id, String indNumber, UUID actor) {
		jdbc.sql("""
				UPDATE cell_product SET ind_number = :ind, version = version + 1, updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id
				""").param("clinicId", clinicId).param("id", id).param("ind", indNumber).param("actor", actor).update();
	}

	Optional<CellProduct> find(Collection<UUID> clinics, UUID id) {
		if (clinics.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM cell_product p WHERE p.clinic_id IN (:clinics) AND p.id = :id"
				+ " AND NOT p.voided")
			.param("clinics", clinics)
			.param("id", id)
			.query(CellProductRepository::map)
			.optional();
	}

	Optional<CellProduct> findByDin(Collection<UUID> clinics, String din) {
		if (clinics.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM cell_product p WHERE p.clinic_id IN (:clinics) AND p.din = :din"
				+ " AND NOT p.voided")
			.param("clinics", clinics)
			.param("din", din)
			.query(CellProductRepository::map)
			.optional();
	}

	List<CellProduct> list(Collection<UUID> clinics, ProductState state, UUID patientId, int limit) {
		if (clinics.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM cell_product p
				WHERE p.clinic_id IN (:clinics) AND NOT p.voided
				  AND (CAST(:state AS text) IS NULL OR p.state = :state)
				  AND (CAST(:patientId AS uuid) IS NULL OR p.patient_id = :patientId OR p.recipient_patient_id = :patientId)
				ORDER BY p.created_at DESC LIMIT :limit
				""")
			.param("clinics", clinics)
			.param("state", state == null ? null : state.name())
			.param("patientId", patientId)
			.param("limit", limit)
			.query(CellProductRepository::map)
			.list();
	}

	/**
	 * Released or issued products that could go into the patient: the patient's own cells, donor
	 * cells meant for them, or donor cells of the patient's clinic meant for nobody in particular.
	 * Released before issued; the patient's own before the unassigned; newest first.
	 */
	List<CellProduct> candidatesFor(Collection<UUID> clinics, UUID patientClinicId, UUID patientId, int limit) {
		if (clinics.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM cell_product p
				WHERE p.clinic_id IN (:clinics) AND NOT p.voided AND p.state IN ('RELEASED', 'ISSUED')
				  AND (p.patient_id = :patientId OR p.recipient_patient_id = :patientId
				       OR (p.origin = 'ALLOGENEIC' AND p.recipient_patient_id IS NULL AND p.clinic_id = :patientClinicId))
				ORDER BY p.state = 'ISSUED',
				         NOT (p.patient_id IS NOT DISTINCT FROM :patientId OR p.recipient_patient_id IS NOT DISTINCT FROM :patientId),
				         p.created_at DESC
				LIMIT :limit
				""")
			.param("clinics", clinics)
			.param("patientClinicId", patientClinicId)
			.param("patientId", patientId)
			.param("limit", limit)
			.query(CellProductRepository::map)
			.list();
	}

	/** The DINs of a clinic's products, by product id. */
	Map<UUID, String> dins(UUID clinicId, Collection<UUID> productIds) {
		if (productIds.isEmpty()) {
			return Map.of();
		}
		Map<UUID, String> dins = new HashMap<>();
		jdbc.sql("SELECT id, din FROM cell_product WHERE clinic_id = :clinicId AND id IN (:ids)")
			.param("clinicId", clinicId)
			.param("ids", productIds)
			.query(rs -> {
				dins.put(rs.getObject("id", UUID.class), rs.getString("din"));
			});
		return dins;
	}

	/** Products past their expiry that are still in a state from which they can expire. */
	List<CellProduct> overdue(Collection<UUID> clinics) {
		if (clinics.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM cell_product p
				WHERE p.clinic_id IN (:clinics) AND NOT p.voided AND p.expires_at <= now()
				  AND p.state IN ('COLLECTED', 'IN_PROCESSING', 'QUARANTINE', 'RELEASED', 'ISSUED')
				""").param("clinics", clinics).query(CellProductRepository::map).list();
	}

	void insertEvent(UUID clinicId, UUID productId, ProductEvent.Kind kind, Instant occurredAt, UUID actor,
			String actorName, Object data) {
		jdbc.sql("""
				INSERT INTO product_event (clinic_id, id, product_id, kind, occurred_at, recorded_by, recorded_by_name,
				                           data)
				VALUES (:clinicId, :id, :productId, :kind, :occurredAt, :actor, :actorName, CAST(:data AS jsonb))
				""")
			.param("clinicId", clinicId)
			.param("id", UUID.randomUUID())
			.param("productId", productId)
			.param("kind", kind.name())
			.param("occurredAt", Timestamp.from(occurredAt))
			.param("actor", actor)
			.param("actorName", actorName)
			.param("data", json.writeValueAsString(data))
			.update();
	}

	List<ProductEvent> events(UUID clinicId, UUID productId) {
		return jdbc.sql("""
				SELECT id, product_id, kind, occurred_at, recorded_at, recorded_by_name, data::text AS data
				FROM product_event WHERE clinic_id = :clinicId AND product_id = :productId
				ORDER BY occurred_at, recorded_at, id
				""")
			.param("clinicId", clinicId)
			.param("productId", productId)
			.query((rs, i) -> new ProductEvent(rs.getObject("id", UUID.class), rs.getObject("product_id", UUID.class),
					ProductEvent.Kind.valueOf(rs.getString("kind")), rs.getTimestamp("occurred_at").toInstant(),
					rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by_name"), rs.getString("data")))
			.list();
	}

	private static CellProduct map(ResultSet rs, int row) throws SQLException {
		String pathway = rs.getString("pathway");
		return new CellProduct(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getString("din"), Origin.valueOf(rs.getString("origin")), rs.getObject("patient_id", UUID.class),
				rs.getObject("donor_id", UUID.class), rs.getObject("recipient_patient_id", UUID.class),
				SourceType.valueOf(rs.getString("source_type")), Tissue.valueOf(rs.getString("tissue")),
				IntendedUse.valueOf(rs.getString("intended_use")), Route.valueOf(rs.getString("route")),
				rs.getBoolean("same_surgical_procedure"), additives(rs.getArray("additives")),
				ProductState.valueOf(rs.getString("state")), rs.getBigDecimal("volume_ml"),
				instant(rs.getTimestamp("expires_at")), rs.getString("storage_location"),
				rs.getString("storage_temperature"), rs.getString("ind_number"),
				pathway == null ? null : Pathway.valueOf(pathway), rs.getString("classification"),
				rs.getString("confirmed_by"), instant(rs.getTimestamp("classification_confirmed_at")),
				rs.getObject("release_signature_id", UUID.class), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static Set<Additive> additives(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray())
			.map(value -> Additive.valueOf(String.valueOf(value)))
			.collect(Collectors.toSet());
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
