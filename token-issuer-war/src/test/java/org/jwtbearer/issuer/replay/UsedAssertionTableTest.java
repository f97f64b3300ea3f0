package org.jwtbearer.issuer.replay;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import org.junit.jupiter.api.Test;

class UsedAssertionTableTest {

    @Test
    void isDuplicateKeyWhenUniqueViolationThenTrue() {
        assertTrue(UsedAssertionTable.isDuplicateKey(new SQLException("duplicate", "23505")));
        assertTrue(UsedAssertionTable.isDuplicateKey(new SQLIntegrityConstraintViolationException("duplicate")));
    }

    @Test
    void isDuplicateKeyWhenChainedBehindAnotherExceptionThenTrue() {
        SQLException batch = new SQLException("batch failed", "HY000");
        batch.setNextException(new SQLException("duplicate", "23505"));
        assertTrue(UsedAssertionTable.isDuplicateKey(batch));
    }

    @Test
    void isDuplicateKeyWhenConnectionFailureThenFalse() {
        // An outage must never be read as "already used" (that would refuse every request) nor as a first use.
        assertFalse(UsedAssertionTable.isDuplicateKey(new SQLException("connection refused", "08001")));
        assertFalse(UsedAssertionTable.isDuplicateKey(new SQLException("no state")));
    }
}
