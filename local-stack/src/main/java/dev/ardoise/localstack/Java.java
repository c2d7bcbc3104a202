package dev.ardoise.localstack;

import java.nio.file.Path;

/** The java launcher of the JVM running the stack, used for every child JVM. */
final class Java {
    private Java() {
    }

    static String executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
