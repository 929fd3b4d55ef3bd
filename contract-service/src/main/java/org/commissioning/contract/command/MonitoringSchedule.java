package org.commissioning.contract.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.commissioning.contract.api.FlagOverdueMeetingCommand;
import org.commissioning.contract.api.MonitoringCadence;
import org.commissioning.contract.api.MonitoringCadenceChangedEvent;
import org.commissioning.contract.api.MonitoringMeetingHeldEvent;
import org.commissioning.contract.api.MonitoringMeetingOverdueEvent;
import org.commissioning.contract.api.RecordMonitoringMeetingCommand;
import org.commissioning.contract.api.SetMonitoringCadenceCommand;
import org.commissioning.platform.domain.RuleViolationException;

/**
 * A contract's monitoring meetings (000, 1.1.4-1.1.6): the cadence its overall rating calls for, the meetings held,
 * when the next one is due (one cadence after the last meeting held) and which due date was flagged as missed. An
 * ended contract is no longer monitored: no cadence, no meeting due.
 */
class MonitoringSchedule {

    private boolean ended;
    private MonitoringCadence cadence;
    private int meetingsHeld;
    private LocalDate lastMeetingHeldOn;
    private LocalDate nextMeetingDue;
    private LocalDate overdueFlaggedFor;

    /**
     * Sets the cadence a change of overall rating calls for. An event only when the cadence changes (and the first
     * time); the rating of an ended contract, or of a month that has not begun, is ignored. The next meeting is due
     * one cadence after the last meeting held, or, before any meeting, one cadence after today; a due date already
     * past is flagged by the overdue scan.
     */
    @CommandHandler
    public long handle(SetMonitoringCadenceCommand command, Clock clock) {
        MonitoringCadence newCadence = MonitoringCadence.forRating(command.rating());
        if (newCadence == null) {
            throw new RuleViolationException("unknown-rating", "rating",
                    "A cadence follows from STRETCH, GREEN, AMBER or RED, not " + command.rating());
        }
        LocalDate today = LocalDate.now(clock);
        if (ended || newCadence == cadence || Decisions.notBegun(command.period(), today)) {
            return Decisions.version();
        }
        LocalDate base = lastMeetingHeldOn == null ? today : lastMeetingHeldOn;
        apply(new MonitoringCadenceChangedEvent(command.contractId(), command.rating(), newCadence, cadence,
                command.period(), today, base.plusMonths(newCadence.months())));
        return Decisions.version();
    }

    /** A meeting held (by today, within the term); the next is due one cadence after the latest meeting held. */
    MonitoringMeetingHeldEvent meeting(RecordMonitoringMeetingCommand command, Term term, LocalDate today) {
        LocalDate heldOn = command.heldOn();
        if (heldOn.isAfter(today)) {
            throw new RuleViolationException("meeting-not-in-future", "heldOn",
                    "A meeting is recorded once held: " + heldOn + " is after today, " + today);
        }
        if (term.startsAfter(heldOn)) {
            throw new RuleViolationException("date-within-term", "heldOn",
                    "The meeting's date " + heldOn + " is before the contract starts on " + term.start());
        }
        if (term.endsBefore(heldOn)) {
            throw new RuleViolationException("date-within-term", "heldOn",
                    "The meeting's date " + heldOn + " is after the contract ends on " + term.end());
        }
        LocalDate latest = lastMeetingHeldOn == null || heldOn.isAfter(lastMeetingHeldOn) ? heldOn : lastMeetingHeldOn;
        return new MonitoringMeetingHeldEvent(command.contractId(), meetingsHeld + 1, heldOn,
                command.attendees().stream().map(Decisions::trimmed).toList(), Decisions.trimmed(command.notes()),
                AgreedActions.dueFrom(command.actions(), heldOn, "action-due-not-before-meeting",
                        "the meeting that agreed it"),
                cadence == null ? null : latest.plusMonths(cadence.months()));
    }

    /** Flags the meeting due before today and not held, once per due date; otherwise does nothing. */
    @CommandHandler
    public long handle(FlagOverdueMeetingCommand command, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (nextMeetingDue != null && nextMeetingDue.isBefore(today) && !nextMeetingDue.equals(overdueFlaggedFor)) {
            apply(new MonitoringMeetingOverdueEvent(command.contractId(), nextMeetingDue, cadence, lastMeetingHeldOn,
                    today));
        }
        return Decisions.version();
    }

    @EventSourcingHandler
    void on(MonitoringCadenceChangedEvent event) {
        this.cadence = event.cadence();
        this.nextMeetingDue = event.nextMeetingDue();
    }

    @EventSourcingHandler
    void on(MonitoringMeetingHeldEvent event) {
        this.meetingsHeld = event.meetingNumber();
        if (lastMeetingHeldOn == null || event.heldOn().isAfter(lastMeetingHeldOn)) {
            this.lastMeetingHeldOn = event.heldOn();
        }
        this.nextMeetingDue = event.nextMeetingDue();
    }

    @EventSourcingHandler
    void on(MonitoringMeetingOverdueEvent event) {
        this.overdueFlaggedFor = event.dueDate();
    }

    /** The contract has ended (terminated, expired or recommissioned): no cadence, no meeting due. */
    void end() {
        this.ended = true;
        this.cadence = null;
        this.nextMeetingDue = null;
    }
}
