-- Overdue notices in up to three stages per policy, each with its days overdue and an optional block. Every rule
-- (the district default included) starts with the district's stages: 1 day, 14 days, 28 days (the third blocks).
ALTER TABLE circulation_policy
    ADD COLUMN notice_stage1_days   integer NOT NULL DEFAULT 1,
    ADD COLUMN notice_stage1_blocks boolean NOT NULL DEFAULT false,
    ADD COLUMN notice_stage2_days   integer DEFAULT 14,
    ADD COLUMN notice_stage2_blocks boolean NOT NULL DEFAULT false,
    ADD COLUMN notice_stage3_days   integer DEFAULT 28,
    ADD COLUMN notice_stage3_blocks boolean NOT NULL DEFAULT true,
    ADD CONSTRAINT policy_notice_stages CHECK (
        notice_stage1_days >= 0
        AND (notice_stage2_days IS NULL OR notice_stage2_days > notice_stage1_days)
        AND (notice_stage3_days IS NULL OR (notice_stage2_days IS NOT NULL AND notice_stage3_days > notice_stage2_days)));

-- A loan that reached a blocking stage blocks its patron's check-outs until it is returned.
ALTER TABLE loan ADD COLUMN overdue_block boolean NOT NULL DEFAULT false;

-- Which fee a FINE notice is about; whether an overdue notice announced a block.
ALTER TABLE notice ADD COLUMN fee_id uuid;
ALTER TABLE notice ADD COLUMN blocks boolean NOT NULL DEFAULT false;
CREATE INDEX notice_loan ON notice (loan_id) WHERE loan_id IS NOT NULL;
