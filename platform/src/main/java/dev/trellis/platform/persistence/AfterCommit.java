package dev.trellis.platform.persistence;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs something once the current transaction has committed, once per transaction and key however often asked. */
public final class AfterCommit {
    private AfterCommit() {
    }

    /**
     * @param key identifies the action within the transaction: asking again with the same key in the same
     *     transaction adds nothing
     * @param action runs on the committing thread after the commit, never after a rollback; it must be quick and must
     *     not throw
     */
    public static void once(TransactionSynchronizationRegistry transactions, Object key, Runnable action) {
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
