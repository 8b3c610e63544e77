package dev.trellis.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Tells the relays of this process that a transaction with outbox rows has committed. */
@ApplicationScoped
public class OutboxSignal {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Runnable listener) {
        listeners.remove(listener);
    }

    void committed() {
        listeners.forEach(Runnable::run);
    }
}
