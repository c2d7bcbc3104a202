package dev.ardoise.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words every page shares (header, sign-in, errors), in English here and in French in
 * {@code messages/msg_fr.properties}. The back office and the operators' dashboard have bundles of their own.
 */
@MessageBundle
public interface Messages {
    @Message("Ardoise console")
    String console_title();

    @Message("Accounts")
    String nav_accounts();

    @Message("Operations")
    String nav_operations();

    @Message("Sign out")
    String sign_out();

    @Message("Sign in")
    String sign_in();

    @Message("User")
    String sign_in_user();

    @Message("Password")
    String sign_in_password();

    @Message("That user and password do not match.")
    String sign_in_refused();

    @Message("Too many wrong passwords for this user: try again in {seconds} seconds.")
    String sign_in_wait(long seconds);

    @Message("Many people are signing in at this moment: try again in a second.")
    String sign_in_busy();

    @Message("Sign-in with a password is off here: sign in through your organisation's identity provider.")
    String sign_in_elsewhere();

    @Message("Not allowed")
    String forbidden_title();

    @Message("Your role does not allow this page or action. Ask a manager or an operator.")
    String forbidden_detail();

    @Message("Language")
    String language();

    @Message("Skip to the content")
    String skip_to_content();
}
