package dev.ardoise.testing;

import java.util.function.Supplier;

/**
 * A value made once per test JVM and kept in a system property rather than a static field: Quarkus may load the
 * test infrastructure's classes again in each application's class loader, and the broker, the database or the keys
 * must be the same for all of them. The lock is the property's name, a string constant the JVM interns once for
 * every class loader (the system properties themselves are locked by a broker's own threads as it starts).
 */
final class JvmWide {
    private JvmWide() {
    }

    static String value(String property, Supplier<String> make) {
        synchronized (property.intern()) {
            String value = System.getProperty(property);
            if (value == null) {
                value = make.get();
                System.setProperty(property, value);
            }
            return value;
        }
    }
}
