package dev.ardoise.events;

/**
 * The versions that one command appended together, in one transaction: every event of the command carries the same
 * pair. A reader has the whole command once it has applied {@code lastVersion} of the account, and may then decide
 * on the command as a whole (the invoice email of a sale and the deposit used at the till) without waiting on the
 * clock.
 */
public record CommandVersions(long firstVersion, long lastVersion) {
    public CommandVersions {
        if (firstVersion < 1 || lastVersion < firstVersion) {
            throw new IllegalArgumentException("a command's versions run from 1 or more to one at least as high, not "
                    + firstVersion + ".." + lastVersion);
        }
    }

    /** An event recorded before commands were: read as a command of its own. */
    public static CommandVersions single(long version) {
        return new CommandVersions(version, version);
    }

    public boolean contains(long version) {
        return firstVersion <= version && version <= lastVersion;
    }

    /** The command is whole once this version of the account is applied. */
    public boolean endsAt(long version) {
        return version == lastVersion;
    }
}
