-- Clinical history of a patient: coded spine diagnoses, imaging findings, prior treatments and
-- consents. Every clinical table follows the rules of V2: clinic_id leads the primary key and every
-- foreign key to another clinical table, audit and void columns instead of deletes, row-level
-- security on the per-transaction clinic scope, and no triggers (audit entries are written by the
-- application in the same transaction).

-- ICD-10-CM codes SpineCell offers for spine diagnoses: a reference table (replicated to every
-- node under Citus), so it carries no clinic_id and no row-level security.
CREATE TABLE icd10_code (
    code        text    PRIMARY KEY,
    description text    NOT NULL,
    family      text    NOT NULL,
    region      text    NOT NULL,
    billable    boolean NOT NULL
);
ALTER TABLE icd10_code
    ADD CONSTRAINT icd10_code_family_known
        CHECK (family IN ('DEGENERATIVE_DISC_DISEASE', 'HERNIATED_DISC', 'SPINAL_STENOSIS', 'FACET_ARTHROPATHY',
                          'TRAUMATIC_INJURY', 'LOW_BACK_PAIN'));
ALTER TABLE icd10_code
    ADD CONSTRAINT icd10_code_region_known
        CHECK (region IN ('CERVICAL', 'CERVICOTHORACIC', 'THORACIC', 'THORACOLUMBAR', 'LUMBAR', 'LUMBOSACRAL',
                          'SACRAL'));

-- Seed list. The descriptions are SpineCell's own short wording, not the official titles.
-- Codes, descriptions and billable flags must be checked against the current CMS ICD-10-CM tables
-- (the code set changes every fiscal year, e.g. the FY2025 split of M51.36/M51.37 and the new
-- M51.A- annulus defect codes) before they are relied on for claims or reports.
INSERT INTO icd10_code (code, description, family, region, billable) VALUES
    -- Degenerative disc disease
    ('M51.360', 'Lumbar disc degeneration with discogenic back pain only', 'DEGENERATIVE_DISC_DISEASE', 'LUMBAR', true),
    ('M51.361', 'Lumbar disc degeneration with leg pain only', 'DEGENERATIVE_DISC_DISEASE', 'LUMBAR', true),
    ('M51.362', 'Lumbar disc degeneration with both discogenic back pain and leg pain', 'DEGENERATIVE_DISC_DISEASE', 'LUMBAR', true),
    ('M51.369', 'Lumbar disc degeneration, neither back nor leg pain mentioned', 'DEGENERATIVE_DISC_DISEASE', 'LUMBAR', true),
    ('M51.370', 'Lumbosacral disc degeneration with discogenic back pain only', 'DEGENERATIVE_DISC_DISEASE', 'LUMBOSACRAL', true),
    ('M51.371', 'Lumbosacral disc degeneration with leg pain only', 'DEGENERATIVE_DISC_DISEASE', 'LUMBOSACRAL', true),
    ('M51.372', 'Lumbosacral disc degeneration with both discogenic back pain and leg pain', 'DEGENERATIVE_DISC_DISEASE', 'LUMBOSACRAL', true),
    ('M51.379', 'Lumbosacral disc degeneration, neither back nor leg pain mentioned', 'DEGENERATIVE_DISC_DISEASE', 'LUMBOSACRAL', true),
    ('M50.30', 'Cervical disc degeneration, part of the neck not specified', 'DEGENERATIVE_DISC_DISEASE', 'CERVICAL', true),
    ('M50.31', 'Cervical disc degeneration in the upper neck (C2-C3 or C3-C4)', 'DEGENERATIVE_DISC_DISEASE', 'CERVICAL', true),
    ('M50.320', 'Cervical disc degeneration in the mid neck, level not specified', 'DEGENERATIVE_DISC_DISEASE', 'CERVICAL', true),
    ('M50.321', 'Cervical disc degeneration at C4-C5', 'DEGENERATIVE_DISC_DISEASE', 'CERVICAL', true),
    ('M50.322', 'Cervical disc degeneration at C5-C6', 'DEGENERATIVE_DISC_DISEASE', 'CERVICAL', true),
    ('M50.323', 'Cervical disc degeneration at C6-C7', 'DEGENERATIVE_DISC_DISEASE', 'CERVICAL', true),
    ('M50.33', 'Cervical disc degeneration at the neck-chest junction (C7-T1)', 'DEGENERATIVE_DISC_DISEASE', 'CERVICOTHORACIC', true),
    ('M51.34', 'Thoracic disc degeneration', 'DEGENERATIVE_DISC_DISEASE', 'THORACIC', true),
    ('M51.35', 'Disc degeneration where the thoracic and lumbar spine meet', 'DEGENERATIVE_DISC_DISEASE', 'THORACOLUMBAR', true),
    -- Herniated disc, with nerve-root involvement (radiculopathy)
    ('M51.16', 'Lumbar disc disorder with nerve-root pain (radiculopathy)', 'HERNIATED_DISC', 'LUMBAR', true),
    ('M51.17', 'Lumbosacral disc disorder with nerve-root pain (radiculopathy)', 'HERNIATED_DISC', 'LUMBOSACRAL', true),
    ('M50.11', 'Upper cervical disc disorder with nerve-root pain (radiculopathy)', 'HERNIATED_DISC', 'CERVICAL', true),
    ('M50.120', 'Mid-cervical disc disorder with radiculopathy, level not specified', 'HERNIATED_DISC', 'CERVICAL', true),
    ('M50.121', 'Cervical disc disorder with radiculopathy at C4-C5', 'HERNIATED_DISC', 'CERVICAL', true),
    ('M50.122', 'Cervical disc disorder with radiculopathy at C5-C6', 'HERNIATED_DISC', 'CERVICAL', true),
    ('M50.123', 'Cervical disc disorder with radiculopathy at C6-C7', 'HERNIATED_DISC', 'CERVICAL', true),
    ('M50.13', 'Cervical disc disorder with radiculopathy at the neck-chest junction', 'HERNIATED_DISC', 'CERVICOTHORACIC', true),
    -- Herniated disc without radiculopathy (displacement)
    ('M51.26', 'Lumbar disc displacement (herniation) without radiculopathy', 'HERNIATED_DISC', 'LUMBAR', true),
    ('M51.27', 'Lumbosacral disc displacement (herniation) without radiculopathy', 'HERNIATED_DISC', 'LUMBOSACRAL', true),
    ('M50.20', 'Cervical disc displacement, region not specified', 'HERNIATED_DISC', 'CERVICAL', true),
    ('M50.21', 'Upper cervical disc displacement', 'HERNIATED_DISC', 'CERVICAL', true),
    ('M50.220', 'Mid-cervical disc displacement, level not specified', 'HERNIATED_DISC', 'CERVICAL', true),
    ('M50.221', 'Cervical disc displacement at C4-C5', 'HERNIATED_DISC', 'CERVICAL', true),
    ('M50.222', 'Cervical disc displacement at C5-C6', 'HERNIATED_DISC', 'CERVICAL', true),
    ('M50.223', 'Cervical disc displacement at C6-C7', 'HERNIATED_DISC', 'CERVICAL', true),
    -- Defect of the annulus fibrosus (for example after a discectomy)
    ('M51.A0', 'Lumbar annulus fibrosus defect, size not specified', 'HERNIATED_DISC', 'LUMBAR', true),
    ('M51.A1', 'Small lumbar annulus fibrosus defect', 'HERNIATED_DISC', 'LUMBAR', true),
    ('M51.A2', 'Large lumbar annulus fibrosus defect', 'HERNIATED_DISC', 'LUMBAR', true),
    ('M51.A3', 'Lumbosacral annulus fibrosus defect, size not specified', 'HERNIATED_DISC', 'LUMBOSACRAL', true),
    ('M51.A4', 'Small lumbosacral annulus fibrosus defect', 'HERNIATED_DISC', 'LUMBOSACRAL', true),
    ('M51.A5', 'Large lumbosacral annulus fibrosus defect', 'HERNIATED_DISC', 'LUMBOSACRAL', true),
    -- Spinal stenosis
    ('M48.02', 'Narrowing of the spinal canal in the neck', 'SPINAL_STENOSIS', 'CERVICAL', true),
    ('M48.04', 'Narrowing of the spinal canal in the thoracic spine', 'SPINAL_STENOSIS', 'THORACIC', true),
    ('M48.05', 'Narrowing of the spinal canal where the thoracic and lumbar spine meet', 'SPINAL_STENOSIS', 'THORACOLUMBAR', true),
    ('M48.06', 'Lumbar spinal canal narrowing (category heading; use a six-character code)', 'SPINAL_STENOSIS', 'LUMBAR', false),
    ('M48.061', 'Lumbar spinal canal narrowing without walking-induced leg symptoms (neurogenic claudication)', 'SPINAL_STENOSIS', 'LUMBAR', true),
    ('M48.062', 'Lumbar spinal canal narrowing with walking-induced leg symptoms (neurogenic claudication)', 'SPINAL_STENOSIS', 'LUMBAR', true),
    ('M48.07', 'Narrowing of the spinal canal at the lumbosacral junction', 'SPINAL_STENOSIS', 'LUMBOSACRAL', true),
    -- Facet arthropathy / spondylosis without myelopathy or radiculopathy
    ('M47.812', 'Cervical spondylosis (facet joint arthritis) without cord or nerve-root involvement', 'FACET_ARTHROPATHY', 'CERVICAL', true),
    ('M47.814', 'Thoracic spondylosis (facet joint arthritis) without cord or nerve-root involvement', 'FACET_ARTHROPATHY', 'THORACIC', true),
    ('M47.815', 'Thoracolumbar spondylosis (facet joint arthritis) without cord or nerve-root involvement', 'FACET_ARTHROPATHY', 'THORACOLUMBAR', true),
    ('M47.816', 'Lumbar spondylosis (facet joint arthritis) without cord or nerve-root involvement', 'FACET_ARTHROPATHY', 'LUMBAR', true),
    ('M47.817', 'Lumbosacral spondylosis (facet joint arthritis) without cord or nerve-root involvement', 'FACET_ARTHROPATHY', 'LUMBOSACRAL', true),
    -- Traumatic injury (7th character: A first encounter, D later encounter, S late effect)
    ('S32.001A', 'Stable burst fracture of a lumbar vertebra, level not specified, closed, first encounter', 'TRAUMATIC_INJURY', 'LUMBAR', true),
    ('S32.001D', 'Stable burst fracture of a lumbar vertebra, level not specified, later encounter, healing as expected', 'TRAUMATIC_INJURY', 'LUMBAR', true),
    ('S32.001S', 'Stable burst fracture of a lumbar vertebra, level not specified, late effect', 'TRAUMATIC_INJURY', 'LUMBAR', true),
    ('S22.009A', 'Fracture of a thoracic vertebra, type and level not specified, closed, first encounter', 'TRAUMATIC_INJURY', 'THORACIC', true),
    ('S12.9XXA', 'Fracture of the neck, not further specified, first encounter', 'TRAUMATIC_INJURY', 'CERVICAL', true),
    ('S33.5XXA', 'Sprain of the lumbar spine ligaments, first encounter', 'TRAUMATIC_INJURY', 'LUMBAR', true),
    ('S33.5XXD', 'Sprain of the lumbar spine ligaments, later encounter', 'TRAUMATIC_INJURY', 'LUMBAR', true),
    ('S13.4XXA', 'Sprain of the cervical spine ligaments, first encounter', 'TRAUMATIC_INJURY', 'CERVICAL', true),
    -- Low back pain (M54.5 itself was retired in October 2021)
    ('M54.50', 'Low back pain, not further specified', 'LOW_BACK_PAIN', 'LUMBAR', true),
    ('M54.51', 'Low back pain arising from the vertebral body (vertebrogenic)', 'LOW_BACK_PAIN', 'LUMBAR', true),
    ('M54.59', 'Other low back pain', 'LOW_BACK_PAIN', 'LUMBAR', true);

-- Spine diagnoses. levels holds spinal levels in canonical form ('L4-L5', 'L1'); at most one
-- non-voided diagnosis per patient is the primary one.
CREATE TABLE diagnosis (
    clinic_id               uuid        NOT NULL,
    id                      uuid        NOT NULL,
    patient_id              uuid        NOT NULL,
    icd10                   text        NOT NULL,
    levels                  text[]      NOT NULL,
    side                    text,
    onset_date              date,
    symptom_duration_months integer,
    primary_flag            boolean     NOT NULL DEFAULT false,
    status                  text        NOT NULL,
    voided                  boolean     NOT NULL DEFAULT false,
    void_reason             text,
    voided_at               timestamptz,
    voided_by               uuid,
    created_at              timestamptz NOT NULL DEFAULT now(),
    created_by              uuid        NOT NULL,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    updated_by              uuid        NOT NULL,
    version                 integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE diagnosis
    ADD CONSTRAINT diagnosis_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE diagnosis
    ADD CONSTRAINT diagnosis_icd10_fk FOREIGN KEY (icd10) REFERENCES icd10_code (code);
ALTER TABLE diagnosis
    ADD CONSTRAINT diagnosis_levels_present CHECK (cardinality(levels) > 0);
ALTER TABLE diagnosis
    ADD CONSTRAINT diagnosis_side_known CHECK (side IN ('LEFT', 'RIGHT', 'BILATERAL', 'CENTRAL'));
ALTER TABLE diagnosis
    ADD CONSTRAINT diagnosis_duration_range CHECK (symptom_duration_months BETWEEN 0 AND 1200);
ALTER TABLE diagnosis
    ADD CONSTRAINT diagnosis_status_known CHECK (status IN ('ACTIVE', 'RESOLVED'));
CREATE INDEX diagnosis_patient_idx ON diagnosis (clinic_id, patient_id);
CREATE UNIQUE INDEX diagnosis_one_primary_uq ON diagnosis (clinic_id, patient_id) WHERE primary_flag AND NOT voided;

ALTER TABLE diagnosis ENABLE ROW LEVEL SECURITY;
CREATE POLICY diagnosis_clinic_scope ON diagnosis
    USING (clinic_id = ANY (clinic_scope()))
    WITH CHECK (clinic_id = ANY (clinic_scope()));

-- Imaging findings, one row per study and level. The Pfirrmann scale is stored with the grade
-- because trials use the modified 8-grade scale and clinics the original 5-grade one.
CREATE TABLE imaging_finding (
    clinic_id       uuid        NOT NULL,
    id              uuid        NOT NULL,
    patient_id      uuid        NOT NULL,
    modality        text        NOT NULL,
    study_date      date        NOT NULL,
    level           text,
    pfirrmann_scale text,
    pfirrmann_grade smallint,
    modic_type      smallint,
    herniation      text,
    stenosis_grade  text,
    annular_fissure boolean,
    impression      text,
    voided          boolean     NOT NULL DEFAULT false,
    void_reason     text,
    voided_at       timestamptz,
    voided_by       uuid,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      uuid        NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      uuid        NOT NULL,
    version         integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE imaging_finding
    ADD CONSTRAINT imaging_finding_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE imaging_finding
    ADD CONSTRAINT imaging_finding_modality_known CHECK (modality IN ('MRI', 'CT', 'XRAY'));
ALTER TABLE imaging_finding
    ADD CONSTRAINT imaging_finding_scale_known CHECK (pfirrmann_scale IN ('FIVE_GRADE', 'EIGHT_GRADE'));
ALTER TABLE imaging_finding
    ADD CONSTRAINT imaging_finding_grade_on_scale
        CHECK (pfirrmann_grade IS NULL
               OR (pfirrmann_scale = 'FIVE_GRADE' AND pfirrmann_grade BETWEEN 1 AND 5)
               OR (pfirrmann_scale = 'EIGHT_GRADE' AND pfirrmann_grade BETWEEN 1 AND 8));
ALTER TABLE imaging_finding
    ADD CONSTRAINT imaging_finding_modic_range CHECK (modic_type BETWEEN 0 AND 3);
ALTER TABLE imaging_finding
    ADD CONSTRAINT imaging_finding_herniation_known
        CHECK (herniation IN ('NONE', 'BULGE', 'PROTRUSION', 'EXTRUSION', 'SEQUESTRATION'));
ALTER TABLE imaging_finding
    ADD CONSTRAINT imaging_finding_stenosis_known CHECK (stenosis_grade IN ('NONE', 'MILD', 'MODERATE', 'SEVERE'));
ALTER TABLE imaging_finding
    ADD CONSTRAINT imaging_finding_impression_length CHECK (char_length(impression) <= 4000);
CREATE INDEX imaging_finding_patient_idx ON imaging_finding (clinic_id, patient_id, study_date);

ALTER TABLE imaging_finding ENABLE ROW LEVEL SECURITY;
CREATE POLICY imaging_finding_clinic_scope ON imaging_finding
    USING (clinic_id = ANY (clinic_scope()))
    WITH CHECK (clinic_id = ANY (clinic_scope()));

-- Treatments tried before SpineCell, and how well they worked.
CREATE TABLE prior_treatment (
    clinic_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    patient_id  uuid        NOT NULL,
    type        text        NOT NULL,
    description text        NOT NULL,
    start_date  date,
    end_date    date,
    response    text        NOT NULL,
    voided      boolean     NOT NULL DEFAULT false,
    void_reason text,
    voided_at   timestamptz,
    voided_by   uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  uuid        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  uuid        NOT NULL,
    version     integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE prior_treatment
    ADD CONSTRAINT prior_treatment_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE prior_treatment
    ADD CONSTRAINT prior_treatment_type_known
        CHECK (type IN ('MEDICATION', 'PHYSICAL_THERAPY', 'INJECTION', 'SURGERY', 'OTHER'));
ALTER TABLE prior_treatment
    ADD CONSTRAINT prior_treatment_response_known CHECK (response IN ('NONE', 'PARTIAL', 'GOOD', 'UNKNOWN'));
ALTER TABLE prior_treatment
    ADD CONSTRAINT prior_treatment_dates_ordered CHECK (end_date >= start_date);
CREATE INDEX prior_treatment_patient_idx ON prior_treatment (clinic_id, patient_id);

ALTER TABLE prior_treatment ENABLE ROW LEVEL SECURITY;
CREATE POLICY prior_treatment_clinic_scope ON prior_treatment
    USING (clinic_id = ANY (clinic_scope()))
    WITH CHECK (clinic_id = ANY (clinic_scope()));

-- Consents. Rows are never changed: giving or withdrawing consent adds a row, so the history is
-- the table itself, and the current consent of a type is its latest row by (effective_date,
-- recorded_at). recorded_by_name keeps the recorder's name as it was when the consent was taken.
CREATE TABLE consent (
    clinic_id        uuid        NOT NULL,
    id               uuid        NOT NULL,
    patient_id       uuid        NOT NULL,
    type             text        NOT NULL,
    status           text        NOT NULL,
    effective_date   date        NOT NULL,
    form_version     text,
    recorded_by      uuid        NOT NULL,
    recorded_by_name text        NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    note             text,
    voided           boolean     NOT NULL DEFAULT false,
    void_reason      text,
    voided_at        timestamptz,
    voided_by        uuid,
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       uuid        NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    updated_by       uuid        NOT NULL,
    version          integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (clinic_id, id)
);
ALTER TABLE consent
    ADD CONSTRAINT consent_patient_fk FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id);
ALTER TABLE consent
    ADD CONSTRAINT consent_type_known CHECK (type IN ('TREATMENT', 'REGISTRY', 'RESEARCH', 'TRIAL'));
ALTER TABLE consent
    ADD CONSTRAINT consent_status_known CHECK (status IN ('GIVEN', 'WITHDRAWN'));
CREATE INDEX consent_patient_idx ON consent (clinic_id, patient_id, type, effective_date DESC, recorded_at DESC);

ALTER TABLE consent ENABLE ROW LEVEL SECURITY;
CREATE POLICY consent_clinic_scope ON consent
    USING (clinic_id = ANY (clinic_scope()))
    WITH CHECK (clinic_id = ANY (clinic_scope()));

GRANT SELECT ON icd10_code TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON diagnosis, imaging_finding, prior_treatment, consent TO ${app_role};
