package dev.ardoise.account.domain;

/**
 * A well-formed command the account's state does not allow (a closed account, more than the deposit balance...):
 * {@code problem} is the problem type's slug, {@code detail} says why.
 */
public class CommandRefusedException extends RuntimeException {
    private final String problem;

    public CommandRefusedException(String problem, String detail) {
        super(detail);
        this.problem = problem;
    }

    public String problem() {
        return problem;
    }
}
