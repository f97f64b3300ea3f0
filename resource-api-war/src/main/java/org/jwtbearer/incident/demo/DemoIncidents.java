package org.jwtbearer.incident.demo;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jwtbearer.incident.model.IncidentState;
import org.jwtbearer.incident.model.IncidentStore;
import org.jwtbearer.incident.user.KnownUser;
import org.jwtbearer.incident.user.UserDirectory;

/**
 * With {@code jwtbearer.incident.demo-data=true} (the quick start sets it), an empty incident table gets a few
 * sample incidents, so the first list call shows something.
 */
@ApplicationScoped
public class DemoIncidents {

    private static final Logger LOG = Logger.getLogger(DemoIncidents.class.getName());

    private static final List<IncidentStore.Draft> SAMPLES = List.of(
            new IncidentStore.Draft("Email server is down", "Users cannot send or receive mail since 08:00.",
                    IncidentState.IN_PROGRESS, 1, 1, "network", "abel.tuter", "beth.anglin"),
            new IncidentStore.Draft("VPN disconnects every few minutes", "Reported from the Berlin office.",
                    IncidentState.NEW, 2, 2, "network", "abel.tuter", null),
            new IncidentStore.Draft("Printer on floor 3 jams", null,
                    IncidentState.ON_HOLD, 3, 3, "hardware", "fred.luddy", null));

    /** The demo registry's users (demo/bootstrap.json), so the samples' references show names at once. */
    private static final List<KnownUser> USERS = List.of(new KnownUser("abel.tuter", null, "Abel Tuter"),
            new KnownUser("beth.anglin", null, "Beth Anglin"), new KnownUser("fred.luddy", null, "Fred Luddy"));

    @Inject
    Config config;

    @Inject
    IncidentStore store;

    @Inject
    UserDirectory directory;

    @Inject
    Clock clock;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        boolean enabled = config.getOptionalValue("jwtbearer.incident.demo-data", Boolean.class).orElse(false);
        if (enabled && store.count() == 0) {
            USERS.forEach(directory::learn);
            SAMPLES.forEach(draft -> store.create(draft, "system", clock.instant()));
            LOG.info(() -> "Created " + SAMPLES.size() + " demo incidents");
        }
    }
}
