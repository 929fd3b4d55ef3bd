package org.commissioning.gateway.application;

import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardRowChanged;
import org.commissioning.gateway.api.LiveChange;
import org.commissioning.gateway.query.DashboardView;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Caller;
import org.commissioning.platform.security.Permission;
import org.springframework.stereotype.Service;

/**
 * Open pages follow the dashboard's changes: a signed-in person who may read contract summaries opens a stream, and
 * is told of each change to a contract they may see on the dashboard, by the dashboard list's own rule, applied to
 * the caller who opened the stream.
 */
@Service
@RequiredArgsConstructor
public class FollowLiveChanges {

    private final DashboardView view;

    /** The caller who follows the changes, for as long as the stream is open: READ_SUMMARIES, or 403. */
    public Caller follow() {
        return Access.require(Permission.READ_SUMMARIES);
    }

    /** The change as pages are told it, with whose it is; nothing for a contract the dashboard does not list yet. */
    public Optional<VisibleChange> change(DashboardRowChanged changed) {
        return view.contract(changed.contractId()).map(row -> new VisibleChange(row.provider(), live(row, changed)));
    }

    private static LiveChange live(DashboardContract row, DashboardRowChanged changed) {
        return new LiveChange(row.id(), row.rag(), row.cadence(), row.status(), changed.change());
    }

    /** A change of a contract of {@code provider}. */
    public record VisibleChange(String provider, LiveChange change) {

        /** Whether {@code caller} sees this contract on the dashboard. */
        public boolean visibleTo(Caller caller) {
            return ListDashboardContracts.visibleTo(caller, provider);
        }
    }
}
