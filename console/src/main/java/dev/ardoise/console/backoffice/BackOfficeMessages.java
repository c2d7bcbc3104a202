package dev.ardoise.console.backoffice;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word of the back office, in English here and in French in {@code messages/bo_fr-CA.properties}; templates
 * read them as {@code bo:} (the statuses, roles and kinds by key; the event types are {@code ev:}, services/EventWords: {@code bo:message(word.key)}).
 */
@MessageBundle("bo")
public interface BackOfficeMessages {
    @Message("Credit accounts")
    String accounts_title();

    @Message("Search")
    String search_label();

    @Message("A name, a customer id or an email address")
    String search_hint();

    @Message("Status")
    String filter_status();

    @Message("All")
    String filter_any();

    @Message("Owing, not overdue")
    String filter_status_OUTSTANDING();

    @Message("Overdue")
    String filter_status_OVERDUE();

    @Message("Nothing owed")
    String filter_status_SETTLED();

    @Message("Open")
    String filter_status_OPEN();

    @Message("Suspended")
    String filter_status_SUSPENDED();

    @Message("Closed")
    String filter_status_CLOSED();

    @Message("Limit used")
    String filter_usage();

    @Message("Near the limit (80 % or more)")
    String filter_usage_NEAR_LIMIT();

    @Message("Over the limit")
    String filter_usage_OVER_LIMIT();

    @Message("Deposits")
    String filter_deposits();

    @Message("Deposits held")
    String filter_deposits_HELD();

    @Message("Search")
    String search_button();

    @Message("The accounts of the customers with this email address: {count}")
    String found_by_email(long count);

    @Message("Accounts found: {total}")
    String accounts_count(long total);

    @Message("Customer")
    String col_customer();

    @Message("Status")
    String col_status();

    @Message("Owed")
    String col_owed();

    @Message("Deposits")
    String col_deposits();

    @Message("Available")
    String col_available();

    @Message("Limit used")
    String col_usage();

    @Message("{percent} % of {limit}")
    String usage_text(int percent, String limit);

    @Message("Owes with a limit of zero")
    String usage_over_zero();

    @Message("Limit of zero")
    String usage_zero_limit();

    @Message("No limit set")
    String usage_no_limit();

    @Message("Deposits apart: {amount}")
    String usage_deposits_apart(String amount);

    @Message("No account matches.")
    String no_accounts();

    @Message("Pages")
    String pages();

    @Message("Previous page")
    String previous_page();

    @Message("Next page")
    String next_page();

    @Message("Page {number}")
    String page_number(int number);

    @Message("Back to the accounts")
    String back_to_accounts();

    @Message("Back to the account")
    String back_to_account();

    @Message("The credit limit is set.")
    String done_limit_set();

    @Message("The payment is recorded.")
    String done_payment();

    @Message("The deposit is recorded.")
    String done_deposit();

    @Message("The refund is recorded.")
    String done_refund();

    @Message("The adjustment is recorded.")
    String done_adjustment();

    @Message("The debt is written off.")
    String done_write_off();

    @Message("The account is suspended.")
    String done_suspended();

    @Message("The account is reactivated.")
    String done_reactivated();

    @Message("The account is closed.")
    String done_closed();

    @Message("The invoice will be emailed again.")
    String done_invoice_resent();

    @Message("The statement will be emailed.")
    String done_statement_sent();

    @Message("This form had already been sent: nothing was done twice.")
    String done_replayed();

    @Message("Customer")
    String details();

    @Message("Customer id")
    String customer_id();

    @Message("Email")
    String customer_email();

    @Message("No address")
    String no_email();

    @Message("Consent to email")
    String email_consent();

    @Message("Given")
    String consent_given();

    @Message("Not given")
    String consent_not_given();

    @Message("Account")
    String account_status();

    @Message("Store")
    String store();

    @Message("Credit")
    String figures();

    @Message("Credit limit")
    String credit_limit();

    @Message("No limit set")
    String no_limit();

    @Message("Balance")
    String balance();

    @Message("Deposit balance")
    String deposit_balance();

    @Message("Available")
    String available();

    @Message("Held")
    String held();

    @Message("until {moment}")
    String hold_until(String moment);

    @Message("The balance is what the customer owes, shown negative. Deposits are kept apart: they never add to what is available.")
    String figures_note();

    @Message("Actions")
    String actions();

    @Message("The account is closed: nothing more can be recorded on it.")
    String closed_no_actions();

    @Message("Set the limit")
    String action_set_limit();

    @Message("New credit limit")
    String field_new_limit();

    @Message("Record a payment")
    String action_payment();

    @Message("Amount")
    String field_amount();

    @Message("How it was paid")
    String field_method();

    @Message("Reference (optional)")
    String field_reference();

    @Message("Invoice paid")
    String field_invoice_paid();

    @Message("The oldest first")
    String oldest_first();

    @Message("Record a deposit")
    String action_deposit();

    @Message("Purpose")
    String field_purpose();

    @Message("Refund")
    String action_refund();

    @Message("Invoice")
    String field_invoice();

    @Message("Choose an invoice")
    String choose_invoice();

    @Message("Reason code")
    String field_reason_code();

    @Message("Adjust")
    String action_adjust();

    @Message("Direction")
    String field_direction();

    @Message("Note (optional)")
    String field_note();

    @Message("Invoice adjusted (required to add)")
    String field_invoice_adjusted();

    @Message("Write off")
    String action_write_off();

    @Message("Status")
    String action_status();

    @Message("Reactivate")
    String action_reactivate();

    @Message("Reason (optional)")
    String field_reason();

    @Message("Suspend")
    String action_suspend();

    @Message("Only with nothing owed, nothing held and no deposit left.")
    String close_hint();

    @Message("Close the account")
    String action_close();

    @Message("Invoices")
    String invoices();

    @Message("Number")
    String col_number();

    @Message("Issued")
    String col_issued();

    @Message("Due")
    String col_due();

    @Message("Amount")
    String col_amount();

    @Message("Days past due")
    String col_days_past_due();

    @Message("Email again")
    String resend_invoice();

    @Message("Email invoice {number} again")
    String resend_invoice_named(String number);

    @Message("No invoice yet.")
    String no_invoices();

    @Message("Newer")
    String newer();

    @Message("Older")
    String older();

    @Message("Statement")
    String statement();

    @Message("From")
    String field_from();

    @Message("To")
    String field_to();

    @Message("Show the printable statement")
    String statement_show();

    @Message("Email the statement")
    String action_send_statement();

    @Message("History")
    String history();

    @Message("When")
    String col_when();

    @Message("What")
    String col_what();

    @Message("Who")
    String col_who();

    @Message("Why")
    String col_why();

    @Message("was")
    String was();

    @Message("register {id}")
    String register(String id);

    @Message("store {id}")
    String in_store(String id);

    @Message("No event.")
    String no_events();

    @Message("Emails")
    String emails();

    @Message("Email")
    String col_email();

    @Message("No email yet.")
    String no_emails();

    @Message("asked by {user}")
    String requested_by(String user);

    @Message("cashier")
    String role_CASHIER();

    @Message("manager")
    String role_MANAGER();

    @Message("viewer")
    String role_VIEWER();

    @Message("operator")
    String role_OPERATOR();

    @Message("service")
    String role_SERVICE();

    @Message("system")
    String role_SYSTEM();

    @Message("Cash")
    String method_CASH();

    @Message("Card")
    String method_CARD();

    @Message("Cheque")
    String method_CHEQUE();

    @Message("Transfer")
    String method_TRANSFER();

    @Message("Online")
    String method_ONLINE();

    @Message("Other")
    String method_OTHER();

    @Message("Special order")
    String purpose_SPECIAL_ORDER();

    @Message("Layaway")
    String purpose_LAYAWAY();

    @Message("Work order")
    String purpose_WORK_ORDER();

    @Message("Other")
    String purpose_OTHER();

    @Message("Lower what is owed")
    String direction_CREDIT();

    @Message("Add to what is owed")
    String direction_DEBIT();

    @Message("overpayment")
    String origin_OVERPAYMENT();

    @Message("refund")
    String origin_REFUND();

    @Message("Open")
    String account_OPEN();

    @Message("Suspended")
    String account_SUSPENDED();

    @Message("Closed")
    String account_CLOSED();

    @Message("Nothing owed")
    String balance_SETTLED();

    @Message("Owing")
    String balance_OUTSTANDING();

    @Message("Overdue")
    String balance_OVERDUE();

    @Message("Outstanding")
    String invoice_OUTSTANDING();

    @Message("Partly paid")
    String invoice_PARTIALLY_PAID();

    @Message("Paid")
    String invoice_PAID();

    @Message("Overdue")
    String invoice_OVERDUE();

    @Message("Written off")
    String invoice_WRITTEN_OFF();

    @Message("the customer has no email address")
    String skip_NO_EMAIL();

    @Message("the customer has not consented to email")
    String skip_NO_CONSENT();

    @Message("the invoice was paid before it left")
    String skip_INVOICE_PAID();

    @Message("a manager resent the invoice while this email waited for its sale")
    String skip_RESENT();

    @Message("Statement of {name}")
    String statement_of(String name);

    @Message("from {from} to {to}")
    String statement_period(String from, String to);

    @Message("Interim: the period is not over. This is the statement so far; it may still change.")
    String statement_interim();

    @Message("Date")
    String col_date();

    @Message("Reference")
    String col_reference();

    @Message("Balance")
    String col_running_balance();

    @Message("Opening balance")
    String opening_balance();

    @Message("Closing balance")
    String closing_balance();

    @Message("Charges")
    String total_charges();

    @Message("Payments and credits")
    String total_credits();

    @Message("Owed")
    String owed();

    @Message("Overdue")
    String overdue();

    @Message("Print this page for the customer: the header and the buttons are left out.")
    String print_hint();

    @Message("Charge")
    String ledger_CHARGE();

    @Message("Payment")
    String ledger_PAYMENT();

    @Message("Deposit")
    String ledger_DEPOSIT();

    @Message("Deposit returned")
    String ledger_DEPOSIT_RETURNED();

    @Message("Refund")
    String ledger_REFUND();

    @Message("Adjustment")
    String ledger_ADJUSTMENT();

    @Message("Write-off")
    String ledger_WRITE_OFF();

    @Message("Deposit applied")
    String ledger_DEPOSIT_APPLIED();

    @Message("Credit note")
    String ledger_CREDIT_NOTE();

    @Message("Account not found")
    String not_found_title();

    @Message("No account of your stores has this number.")
    String not_found_detail();

    @Message("The account cannot be shown")
    String unavailable_title();

    @Message("PDF")
    String invoice_pdf();

    @Message("Download invoice {number} as PDF")
    String invoice_pdf_named(String number);

    @Message("Download the statement as PDF")
    String statement_pdf();
}
