package dev.ardoise.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ./token.sh ROLE [--store MAIN] [--user anne] [--register R1] [--ttl 8h]}: prints one token and nothing else. */
public final class TokenCommand {
    static final String USAGE = "./token.sh CASHIER|MANAGER|VIEWER|OPERATOR|SERVICE [--store MAIN[,OTHER]] "
            + "[--user anne] [--register R1] [--ttl 8h]";
    private static final List<String> ROLES = List.of("CASHIER", "MANAGER", "VIEWER", "OPERATOR", "SERVICE");
    private static final Pattern TTL = Pattern.compile("(\\d+)([smhd])");

    private TokenCommand() {
    }

    public static void main(String[] args) {
        try {
            Path home = Path.of(System.getProperty("ardoise.home", ".")).toAbsolutePath().normalize();
            System.out.println(token(StackSettings.fromEnvironment(home).workDir(), args));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: " + USAGE);
            System.exit(2);
        }
    }

    static String token(Path workDir, String... args) {
        if (args.length == 0 || !ROLES.contains(args[0].toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException(args.length == 0 ? "which role?" : "no role " + args[0]);
        }
        DevTokens.Token token = DevTokens.of(workDir).of(args[0].toUpperCase(Locale.ROOT));
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--store", "--stores" -> token.stores(value.split(","));
                case "--user" -> token.user(value);
                case "--register" -> token.register(value);
                case "--ttl" -> token.validFor(duration(value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return token.sign();
    }

    /** 90s, 30m, 8h, 2d. */
    static Duration duration(String text) {
        Matcher matcher = TTL.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--ttl takes a number and s, m, h or d: 30m, 8h, 2d");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
