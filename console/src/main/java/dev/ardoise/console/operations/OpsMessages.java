package dev.ardoise.console.operations;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the operators' dashboard, in English here and in French in {@code messages/ops_fr-CA.properties};
 * templates read them as {@code ops:}, and those named by a value (an event type, a status) as
 * {@code ops:message(key)}.
 */
@MessageBundle("ops")
public interface OpsMessages {
    // navigation
    @Message("Operations")
    String nav_label();

    @Message("Dashboard")
    String nav_dashboard();

    @Message("Dead letters")
    String nav_dead_letters();

    @Message("Parked")
    String nav_parked();

    @Message("Failed emails")
    String nav_emails();

    @Message("Read models")
    String nav_read_models();

    @Message("This page needs JavaScript to follow the topics live.")
    String needs_script();

    @Message("Reason")
    String reason();

    @Message("Store")
    String store();

    // the dashboard
    @Message("Operations dashboard")
    String dashboard_title();

    @Message("Live feed of account events")
    String feed_title();

    @Message("Event type")
    String feed_type();

    @Message("All types")
    String feed_all_types();

    @Message("Store")
    String feed_store();

    @Message("Account (id)")
    String feed_account();

    @Message("Filter")
    String feed_apply();

    @Message("Pause")
    String feed_pause();

    @Message("Resume")
    String feed_resume();

    @Message("Connecting…")
    String feed_connecting();

    @Message("Live: new events appear here as they are published.")
    String feed_live();

    @Message("Waiting for the broker: the console does not follow account-events yet.")
    String feed_waiting();

    @Message("The feed stopped (signed out, or the console is away). Reload the page.")
    String feed_lost();

    @Message("Paused: new events are kept aside until you resume.")
    String feed_paused();

    @Message("Events per minute by type, last hour")
    String rates_title();

    @Message("Chart of the events per minute by type over the last hour; the same figures are in the table below.")
    String rates_chart_label();

    @Message("As a table")
    String rates_as_table();

    @Message("Minute")
    String rates_minute();

    @Message("Total")
    String rates_total();

    @Message("Declined charges per minute")
    String declines_title();

    @Message("Chart of the declined charges per minute over the last hour; the same figures are in the table below.")
    String declines_chart_label();

    @Message("Declined")
    String declines_declined();

    @Message("Sender refused")
    String declines_refused();

    @Message("Registers' sales answered DECLINED on pos-sale-results: declined by the account's rules (limit, "
            + "overdue, suspended), or a sender refused (no valid token, a role that may not charge, another "
            + "store's account). A charge declined through the API (422) is not on the topic and not counted here.")
    String declines_what();

    @Message("Lag")
    String lag_title();

    @Message("Outbox relay (account-service)")
    String lag_outbox();

    @Message("Readers of account-events, per partition")
    String lag_readers();

    @Message("Reader")
    String lag_reader();

    @Message("Partition")
    String lag_partition();

    @Message("Committed")
    String lag_committed();

    @Message("End")
    String lag_end();

    @Message("Behind")
    String lag_behind();

    @Message("never committed")
    String lag_never();

    @Message("member")
    String lag_member();

    @Message("members")
    String lag_members();

    @Message("s behind")
    String lag_seconds();

    @Message("unknown")
    String lag_unknown();

    @Message("not known")
    String group_state_UNKNOWN();

    @Message("rebalancing")
    String group_state_PREPARING_REBALANCE();

    @Message("rebalancing")
    String group_state_COMPLETING_REBALANCE();

    @Message("reading")
    String group_state_STABLE();

    @Message("no such group")
    String group_state_DEAD();

    @Message("nobody reads")
    String group_state_EMPTY();

    @Message("assigning")
    String group_state_ASSIGNING();

    @Message("reconciling")
    String group_state_RECONCILING();

    @Message("not ready")
    String group_state_NOT_READY();

    // event types in words

    // dead letters
    @Message("Dead letters")
    String dead_letters_title();

    @Message("Records a reader or account-service could not take, newest first, with why. Mark one handled once it "
            + "is dealt with: every console shows the mark, with your name and reason.")
    String dead_letters_intro();

    @Message("Marked handled: {topic}, partition {partition}, offset {offset}.")
    String dead_letters_marked(String topic, int partition, long offset);

    @Message("A sale cannot be sent again from here: the register's token was taken out of the record on purpose "
            + "(a kept token could be replayed). The register must send the sale again.")
    String dead_letters_pos_sales();

    @Message("This topic could not be read: the broker did not answer in time. Open the page again in a moment.")
    String dead_letters_unreadable();

    @Message("This topic does not exist yet: nothing was ever refused here.")
    String dead_letters_no_topic();

    @Message("No dead letter.")
    String dead_letters_none();

    @Message("When")
    String dead_letters_when();

    @Message("Where")
    String dead_letters_where();

    @Message("Why")
    String dead_letters_why();

    @Message("Record")
    String dead_letters_record();

    @Message("Handled")
    String dead_letters_handled();

    @Message("partition {partition}, offset {offset}")
    String dead_letters_place(int partition, long offset);

    @Message("key")
    String dead_letters_key();

    @Message("from")
    String dead_letters_from();

    @Message("no reason given")
    String dead_letters_no_reason();

    @Message("cause:")
    String dead_letters_cause();

    @Message("Show the record")
    String dead_letters_show();

    @Message("Handled by {operator}")
    String dead_letters_handled_by(String operator);

    @Message("Mark handled")
    String dead_letters_mark();

    // parked accounts
    @Message("Parked accounts")
    String parked_title();

    @Message("Accounts whose next event could not be published (the relay) or applied (a reader), and those "
            + "waiting for a version that never arrived. Retry after a fix; skip only what the business has "
            + "corrected otherwise: the skip is recorded with your name and reason.")
    String parked_intro();

    @Message("account-service's outbox relay")
    String parked_of_relay();

    @Message("invoice-service")
    String parked_of_invoices();

    @Message("notification-service")
    String parked_of_notifications();

    @Message("Applied: the event and those waiting behind it are applied.")
    String parked_outcome_applied();

    @Message("Still parked: it could not be applied again; the reason is the new one.")
    String parked_outcome_still_parked();

    @Message("Skipped: the event is left out, as recorded; the events behind it go on.")
    String parked_outcome_skipped();

    @Message("Unparked: the relay sends the event in its next turn (parked again if it still cannot).")
    String parked_outcome_unparked();

    @Message("No parked account.")
    String parked_none();

    @Message("Account")
    String parked_account();

    @Message("Event")
    String parked_event();

    @Message("Why")
    String parked_why();

    @Message("Since")
    String parked_since();

    @Message("Waiting behind")
    String parked_waiting();

    @Message("Actions")
    String parked_actions();

    @Message("version {version}")
    String parked_version(long version);

    @Message("last tried")
    String parked_tried();

    @Message("Retry")
    String parked_retry();

    @Message("Skip")
    String parked_skip();

    @Message("Latest skipped events")
    String parked_skipped();

    @Message("Operator's reason")
    String parked_skipped_why();

    @Message("Skipped by")
    String parked_skipped_by();

    // emails
    @Message("Failed emails")
    String emails_title();

    @Message("Emails notification-service gave up on after its attempts. A retry takes an email up again with a "
            + "fresh round of attempts.")
    String emails_intro();

    @Message("{count} failed emails taken up again.")
    String emails_retried_all(int count);

    @Message("Retried")
    String emails_retried();

    @Message("Taken up again: its status follows below.")
    String emails_retried_one();

    @Message("Failed")
    String emails_failed();

    @Message("No failed email.")
    String emails_none_failed();

    @Message("Showing {shown} of {total}.")
    String emails_failed_count(int shown, long total);

    @Message("Retry every failed email")
    String emails_retry_all();

    @Message("Retry")
    String emails_retry();

    @Message("Kind")
    String emails_kind();

    @Message("About")
    String emails_about();

    @Message("Recipient")
    String emails_recipient();

    @Message("Status")
    String emails_status();

    @Message("Attempts")
    String emails_attempts();

    @Message("Last error")
    String emails_last_error();

    @Message("Created")
    String emails_created();

    @Message("sent")
    String emails_sent_at();

    @Message("retried by {operator}")
    String emails_retried_by(String operator);

    // read models
    @Message("Read models")
    String read_models_title();

    @Message("Rebuild")
    String rebuild_title();

    @Message("invoice-service folds the whole of account-events into fresh tables and switches them in once caught "
            + "up; queries keep being answered meanwhile.")
    String rebuild_what();

    @Message("State")
    String rebuild_state();

    @Message("Started")
    String rebuild_started();

    @Message("Finished")
    String rebuild_finished();

    @Message("Records read")
    String rebuild_records();

    @Message("Accounts")
    String rebuild_accounts();

    @Message("Rounds")
    String rebuild_rounds();

    @Message("Events per second")
    String rebuild_speed();

    @Message("Parked accounts")
    String rebuild_parked();

    @Message("Unreadable records passed")
    String rebuild_malformed();

    @Message("Error")
    String rebuild_error();

    @Message("Start a rebuild")
    String rebuild_start();

    @Message("None since invoice-service started")
    String rebuild_state_NONE();

    @Message("Folding the topic")
    String rebuild_state_FOLDING();

    @Message("Switching the tables")
    String rebuild_state_SWITCHING();

    @Message("Done")
    String rebuild_state_DONE();

    @Message("Failed")
    String rebuild_state_FAILED();

    @Message("Reconciliation")
    String reconciliation_title();

    @Message("Recomputes every account from account-events and compares it with invoice-service's read models. It "
            + "changes nothing; on a large topic it takes minutes.")
    String reconciliation_what();

    @Message("Run a reconciliation")
    String reconciliation_run();

    @Message("Running: reading the whole topic…")
    String reconciliation_running();

    @Message("{accounts} accounts checked, {differences} differences found.")
    String reconciliation_summary(int accounts, long differences);

    @Message("Differences")
    String reconciliation_differences();

    @Message("Field")
    String reconciliation_field();

    @Message("From the events")
    String reconciliation_expected();

    @Message("In the read models")
    String reconciliation_actual();

    @Message("Events operators skipped (left out on both sides)")
    String reconciliation_skipped();

    @Message("Accounts stopped at a gap")
    String reconciliation_gaps();

    @Message("folded to version {foldedTo}; version {firstWaiting} and {waiting} more wait for the missing one")
    String reconciliation_gap(long foldedTo, long firstWaiting, int waiting);
}
