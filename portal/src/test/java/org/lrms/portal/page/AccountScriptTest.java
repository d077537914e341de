package org.lrms.portal.page;

import org.junit.jupiter.api.Test;

/**
 * The desk's account part (account.js) run in Node: money read and typed in whole cents (nothing, negative, zero,
 * above what is owed or left of a fee, more than two decimals and garbage refused), the bodies sent with the amount as
 * an exact decimal, the fee lines, the receipt, waiver (whole or partial) and charge in words, the history's lines and
 * pages, refusals in circulation's words, and the Idempotency-Key kept for the retry of a payment, waiver or charge
 * circulation did not answer. Skipped where no {@code node} is.
 */
class AccountScriptTest {

    @Test
    void theDeskTakesMoneyInCentsAndSaysWhatWasPaidWaivedChargedOrRefunded() throws Exception {
        NodeScript.check("account.js", "account-check.js");
    }
}
