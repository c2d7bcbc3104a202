package dev.ardoise.http;

/** An exception that knows the problem it stands for; thrown by the services' adapters. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
