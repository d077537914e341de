-- Textbook charges from the textbook service (textbook.charges.v1) become fees of kind TEXTBOOK: one per charge.
ALTER TABLE fee ADD COLUMN charge_id uuid;
CREATE UNIQUE INDEX fee_textbook_charge ON fee (charge_id) WHERE charge_id IS NOT NULL;
