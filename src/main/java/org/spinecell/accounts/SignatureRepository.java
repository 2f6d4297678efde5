package org.spinecell.accounts;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SignatureRepository {

	private final JdbcClient jdbc;

	SignatureRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ElectronicSignature insert(UUID clinicId, String entityType, String entityId, UUID signerId, String signerName,
			String meaning, String contentHash) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO e_signature (clinic_id, id, entity_type, entity_id, signer_id, signer_name, meaning,
				                         content_hash)
				VALUES (:clinicId, :id, :entityType, :entityId, :signerId, :signerName, :meaning, :hash)
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("entityType", entityType)
			.param("entityId", entityId)
			.param("signerId", signerId)
			.param("signerName", signerName)
			.param("meaning", meaning)
			.param("hash", contentHash)
			.update();
		return find(clinicId, id).orElseThrow();
	}

	Optional<ElectronicSignature> find(UUID clinicId, UUID id) {
		return jdbc.sql("""
				SELECT id, clinic_id, entity_type, entity_id, signer_id, signer_name, meaning, signed_at, content_hash
				FROM e_signature WHERE clinic_id = :clinicId AND id = :id
				""").param("clinicId", clinicId).param("id", id).query(ElectronicSignature.class).optional();
	}

}
