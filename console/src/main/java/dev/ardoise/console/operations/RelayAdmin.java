package dev.ardoise.console.operations;

import dev.ardoise.console.signin.UserTokenForwarding;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** account-service's outbox relay: the accounts it parked (an event it cannot publish), with the operator's token. */
@RegisterRestClient(configKey = "account-service")
@RegisterClientHeaders(UserTokenForwarding.class)
public interface RelayAdmin extends ParkedAccountsApi {
}
