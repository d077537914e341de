-- The site (desk) where a payment was taken or a refund handed back; the staff member is by_user already. The
-- finance's ledger totals per desk site. Rows booked before have none (the desk was not recorded): the ledger counts
-- them at the fee's site, as it did. Waivers move no money: none. A nullable column without a default: no rewrite.
ALTER TABLE fee_transaction ADD COLUMN desk_site text REFERENCES site (code);
