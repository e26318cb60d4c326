package io.poolmap.cluster;

import java.util.ArrayList;
import java.util.List;

import org.infinispan.manager.EmbeddedCacheManager;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachemanagerlistener.annotation.Merged;
import org.infinispan.notifications.cachemanagerlistener.annotation.ViewChanged;
import org.infinispan.notifications.cachemanagerlistener.event.ViewChangedEvent;
import org.infinispan.remoting.transport.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each change of the cluster view in one line (who is in, who joined, who left), so that poolmap's log tells the
 * membership story while Infinispan's and JGroups' own INFO lines (dozens per change: every rebalance phase of every
 * cache) stay off.
 */
@Listener(sync = false)
public final class ViewLog {

    private static final Logger log = LoggerFactory.getLogger(ViewLog.class);

    private ViewLog() {
    }

    /** Logs the view changes of {@code manager} from now on. */
    public static void register(EmbeddedCacheManager manager) {
        manager.addListener(new ViewLog());
    }

    @ViewChanged
    @Merged
    public void viewChanged(ViewChangedEvent event) {
        List<Address> joined = new ArrayList<>(event.getNewMembers());
        joined.removeAll(event.getOldMembers());
        List<Address> left = new ArrayList<>(event.getOldMembers());
        left.removeAll(event.getNewMembers());
        log.info("cluster view {}: {} (joined {}, left {}){}", event.getViewId(), event.getNewMembers(), joined, left,
                event.isMergeView() ? " after a partition healed" : "");
    }
}
