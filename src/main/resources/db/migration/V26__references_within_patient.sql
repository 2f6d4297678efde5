-- A record that names another clinical record (answers naming a follow-up, an adverse event naming
-- a procedure, a survey link naming a follow-up ...) must name one of the same patient in the same
-- clinic. V7 promised the foreign key of instrument_response.follow_up_id and no migration added it,
-- so answers could name a follow-up that does not exist; and (clinic_id, x_id) keys alone let a
-- record name another patient's row of the same clinic. The application refuses both (422 naming
-- the field); these keys make the database refuse them too.
--
-- The referenced tables get a unique key (clinic_id, patient_id, id), which their primary key
-- (clinic_id, id) already implies, so it never refuses a row. The new foreign keys lead with
-- clinic_id, as every key between clinical tables does. A NULL reference is not checked (MATCH
-- SIMPLE), as before.
--
-- An installation that already holds rows made through the old hole would fail to migrate if the
-- keys were validated at once. Each key is therefore added NOT VALID (checked for every new and
-- changed row from now on) and then validated; where old rows break it, the validation is skipped
-- with a warning naming the key, the key stays NOT VALID (still enforced for new rows), and
-- `SELECT conname FROM pg_constraint WHERE NOT convalidated` lists what an administrator must look at.

ALTER TABLE follow_up
    ADD CONSTRAINT follow_up_patient_uq UNIQUE (clinic_id, patient_id, id);
ALTER TABLE procedure
    ADD CONSTRAINT procedure_patient_uq UNIQUE (clinic_id, patient_id, id);

ALTER TABLE instrument_response
    ADD CONSTRAINT instrument_response_follow_up_fk FOREIGN KEY (clinic_id, patient_id, follow_up_id)
        REFERENCES follow_up (clinic_id, patient_id, id) NOT VALID;
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_patient_follow_up_fk FOREIGN KEY (clinic_id, patient_id, follow_up_id)
        REFERENCES follow_up (clinic_id, patient_id, id) NOT VALID;
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_patient_procedure_fk FOREIGN KEY (clinic_id, patient_id, procedure_id)
        REFERENCES procedure (clinic_id, patient_id, id) NOT VALID;
ALTER TABLE intervention
    ADD CONSTRAINT intervention_patient_procedure_fk FOREIGN KEY (clinic_id, patient_id, procedure_id)
        REFERENCES procedure (clinic_id, patient_id, id) NOT VALID;
ALTER TABLE care_plan
    ADD CONSTRAINT care_plan_patient_procedure_fk FOREIGN KEY (clinic_id, patient_id, procedure_id)
        REFERENCES procedure (clinic_id, patient_id, id) NOT VALID;
ALTER TABLE survey_link
    ADD CONSTRAINT survey_link_patient_follow_up_fk FOREIGN KEY (clinic_id, patient_id, follow_up_id)
        REFERENCES follow_up (clinic_id, patient_id, id) NOT VALID;
ALTER TABLE mail_outbox
    ADD CONSTRAINT mail_outbox_patient_follow_up_fk FOREIGN KEY (clinic_id, patient_id, follow_up_id)
        REFERENCES follow_up (clinic_id, patient_id, id) NOT VALID;

DO $$
DECLARE
    k record;
BEGIN
    FOR k IN SELECT * FROM (VALUES
            ('instrument_response', 'instrument_response_follow_up_fk'),
            ('adverse_event', 'adverse_event_patient_follow_up_fk'),
            ('adverse_event', 'adverse_event_patient_procedure_fk'),
            ('intervention', 'intervention_patient_procedure_fk'),
            ('care_plan', 'care_plan_patient_procedure_fk'),
            ('survey_link', 'survey_link_patient_follow_up_fk'),
            ('mail_outbox', 'mail_outbox_patient_follow_up_fk')) AS t (tbl, con)
    LOOP
        BEGIN
            EXECUTE format('ALTER TABLE %I VALIDATE CONSTRAINT %I', k.tbl, k.con);
        EXCEPTION WHEN foreign_key_violation THEN
            RAISE WARNING 'Rows of % made before V26 break %; the key holds for new rows only until they are corrected',
                k.tbl, k.con;
        END;
    END LOOP;
END
$$;
