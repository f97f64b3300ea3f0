package org.jwtbearer.issuer.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;
import org.jwtbearer.database.testing.OutageChains;

class BootstrapImporterTest {

    @Test
    void aUniqueKeyBrokenAtCommitIsAnotherNodeSeedingTheSameEntries() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint \"jb_client_pkey\"", "23505");
        RollbackException commit = new RollbackException("commit failed");
        commit.initCause(new PersistenceException(duplicate));

        assertTrue(BootstrapImporter.seededByAnotherNode(new TransactionalException("rolled back", commit)));
        assertTrue(BootstrapImporter.seededByAnotherNode(new PersistenceException(new SQLIntegrityConstraintViolationException("dup", "23000"))));
    }

    @Test
    void anythingElseIsNotRetriedAsARace() {
        assertFalse(BootstrapImporter.seededByAnotherNode(new PersistenceException(OutageChains.driverRefused())),
                "an unreachable database is not a race");
        assertFalse(BootstrapImporter.seededByAnotherNode(new PersistenceException(new SQLException("value too long", "22001"))));
        assertFalse(BootstrapImporter.seededByAnotherNode(new PersistenceException("no SQL at all")));
    }
}
