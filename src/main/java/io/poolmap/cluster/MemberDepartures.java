package io.poolmap.cluster;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachemanagerlistener.annotation.Merged;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;
import org.infinispan.remoting.transport.Address;

/**
 * Tells a surviving member which members left the cluster view (stopped, crashed or cut off), so that it can release
 * what they held, such as their claims on chunks; told off the thread that installs the view, which must not wait.
 */
@Listener(sync = false)
public final class MemberDepartures implements AutoCloseable {

    private final EmbeddedCacheManager manager;
    private final Consumer<Set<String>> onDeparture;

    private MemberDepartures(EmbeddedCacheManager manager, Consumer<Set<String>> onDeparture) {
        this.manager = manager;
        this.onDeparture = onDeparture;
    }

    /** Calls {@code onDeparture} with the names of the members that left, at each view change (merges included) that drops some. */
    public static MemberDepartures watch(EmbeddedCacheManager manager, Consumer<Set<String>> onDeparture) {
        MemberDepartures departures = new MemberDepartures(manager, onDeparture);
        manager.addListener(departures);
        return departures;
    }

    @ViewChanged
    @Merged
    public void viewChanged(ViewChangedEvent event) {
        Set<String> left = names(event.getOldMembers());
        left.removeAll(names(event.getNewMembers()));
        if (!left.isEmpty()) {
            onDeparture.accept(Set.copyOf(left));
        }
    }

    private static Set<String> names(List<Address> members) {
        Set<String> names = new LinkedHashSet<>();
        if (members != null) {
            members.forEach(member -> names.add(member.toString()));
        }
        return names;
    }

    @Override
    public void close() {
        manager.removeListener(this);
    }
}
