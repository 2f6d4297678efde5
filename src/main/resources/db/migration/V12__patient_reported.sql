-- Problems a patient reports through the survey portal arrive ungraded: a patient cannot grade by
-- CTCAE, classify the event or judge whether it was expected. grade, category, outcome and
-- expected may therefore be NULL, but only on a patient's report that no physician has reviewed
-- yet; the review assigns them. The grade-5 / death-date / FATAL rule still holds for every row.
ALTER TABLE adverse_event ALTER COLUMN grade DROP NOT NULL;
ALTER TABLE adverse_event ALTER COLUMN category DROP NOT NULL;
ALTER TABLE adverse_event ALTER COLUMN outcome DROP NOT NULL;
ALTER TABLE adverse_event ALTER COLUMN expected DROP NOT NULL;
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_ungraded_awaits_review
        CHECK ((grade IS NOT NULL AND category IS NOT NULL AND outcome IS NOT NULL AND expected IS NOT NULL)
               OR (reporter = 'PATIENT' AND reviewed_at IS NULL));
ALTER TABLE adverse_event DROP CONSTRAINT adverse_event_death_consistent;
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_death_consistent
        CHECK (CASE WHEN grade IS NULL THEN outcome IS NULL AND death_date IS NULL
                    ELSE (grade = 5) = (outcome IS NOT DISTINCT FROM 'FATAL')
                         AND (grade = 5) = (death_date IS NOT NULL) END);

-- Which follow-up's survey link the patient reported through (NULL for staff entries), and the
-- care the patient says they sought: a hint for the reviewer about seriousness, not a grade.
ALTER TABLE adverse_event ADD COLUMN follow_up_id uuid;
ALTER TABLE adverse_event ADD COLUMN care_sought text;
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_follow_up_fk FOREIGN KEY (clinic_id, follow_up_id) REFERENCES follow_up (clinic_id, id);
ALTER TABLE adverse_event
    ADD CONSTRAINT adverse_event_care_sought_known CHECK (care_sought IN ('NONE', 'DOCTOR', 'HOSPITAL'));
CREATE INDEX adverse_event_follow_up_idx ON adverse_event (clinic_id, follow_up_id) WHERE follow_up_id IS NOT NULL;
CREATE INDEX adverse_event_awaiting_review_idx ON adverse_event (clinic_id, created_at) WHERE reviewed_at IS NULL;
