/** Integration tests: the service in the test JVM against a real Kafka broker and a real PostgreSQL. */
package dev.ardoise.invoice.it;
