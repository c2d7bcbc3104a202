package dev.ardoise.account.api;

import dev.ardoise.account.application.AccountNotFoundException;
import dev.ardoise.account.domain.AccountAlreadyOpenException;
import dev.ardoise.account.domain.ChargeDeclinedException;
import dev.ardoise.account.domain.CommandRefusedException;
import dev.ardoise.account.domain.IdempotencyConflictException;
import dev.ardoise.account.domain.InvalidCommandException;
import dev.ardoise.account.eventstore.ConcurrentAppendException;
import dev.ardoise.http.NotFoundProblem;
import dev.ardoise.http.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The account's refusals as problem+json, in the shared shape of http-conventions. */
public class AccountProblems {
    static final int UNPROCESSABLE_CONTENT = 422;

    @ServerExceptionMapper
    public Response declined(ChargeDeclinedException e) {
        return Problem.of("charge-declined", "Charge declined", UNPROCESSABLE_CONTENT, e.getMessage())
                .with("reason", e.reason().name())
                .with("available", e.available())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response refused(CommandRefusedException e) {
        return Problem.of(e.problem(), "Refused: " + e.problem().replace('-', ' '), UNPROCESSABLE_CONTENT,
                        e.getMessage())
                .with("reason", e.problem())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidCommandException e) {
        return Problem.of("invalid-request", "Invalid request", Response.Status.BAD_REQUEST,
                        e.field() + ": " + e.reason())
                .with("field", e.field())
                .with("reason", e.reason())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response reused(IdempotencyConflictException e) {
        return Problem.of("idempotency-key-reused", "Idempotency key reused", Response.Status.CONFLICT, e.getMessage())
                .with("key", e.key())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response alreadyOpen(AccountAlreadyOpenException e) {
        return Problem.of("account-already-open", "Account already open", Response.Status.CONFLICT, e.getMessage())
                .with("accountId", e.accountId().toString())
                .with("fields", e.differences())
                .toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(AccountNotFoundException e) {
        // the same answer as StoreWall's for another store's account
        return new NotFoundProblem(AccountNotFoundException.WHAT, e.accountId()).problem().toResponse();
    }

    @ServerExceptionMapper
    public Response busy(ConcurrentAppendException e) {
        return Problem.of("account-busy", "Account busy", Response.Status.CONFLICT,
                        "too many commands at once on this account; send the same request again")
                .toResponse();
    }
}
