package dev.ardoise.console.operations;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Events per minute by type, and declined charges per minute, over the last hour, counted by the minute each record
 * reached the topic (its timestamp). Fed by the reader thread, the last hour read back at start; a minute older
 * than the hour is forgotten.
 */
@ApplicationScoped
public class Rates {
    static final int MINUTES = 60;
    /** A topic with more distinct types than this in an hour is not the catalogue's: the rest count as OTHER. */
    static final int MOST_TYPES = 60;
    static final String OTHER = "OTHER";

    private final TreeMap<Long, Map<String, Integer>> events = new TreeMap<>();
    private final TreeMap<Long, int[]> declines = new TreeMap<>();

    /** Why a charge was declined, as the POS answer says it. */
    enum Decline {
        /** The account's rules: over the limit, overdue, suspended... */
        DECLINED,
        /** The sender may not charge: no valid token, a role that may not, another store's account. */
        SENDER_REFUSED
    }

    /**
     * What a chart needs: the start of each minute (epoch seconds, oldest first), and per type (or decline) the count
     * of each minute.
     */
    public record View(List<Long> minutes, Map<String, List<Integer>> events, List<Integer> declined,
                       List<Integer> sendersRefused) {
    }

    /** Counts nothing yet: the reader starts again and reads the hour back. */
    synchronized void forget() {
        events.clear();
        declines.clear();
    }

    synchronized void event(String type, long timestamp, Instant now) {
        long minute = minuteOf(timestamp, now);
        if (minute < 0) {
            return;
        }
        Map<String, Integer> counts = events.computeIfAbsent(minute, any -> new HashMap<>());
        String counted = counts.containsKey(type) || types().size() < MOST_TYPES ? type : OTHER;
        counts.merge(counted, 1, Integer::sum);
        forgetBefore(now);
    }

    synchronized void decline(Decline why, long timestamp, Instant now) {
        long minute = minuteOf(timestamp, now);
        if (minute < 0) {
            return;
        }
        declines.computeIfAbsent(minute, any -> new int[Decline.values().length])[why.ordinal()]++;
        forgetBefore(now);
    }

    synchronized View view(Instant now) {
        forgetBefore(now);
        long last = now.getEpochSecond() / 60;
        List<Long> minutes = new ArrayList<>();
        Map<String, List<Integer>> byType = new TreeMap<>();
        types().forEach(type -> byType.put(type, new ArrayList<>()));
        List<Integer> declined = new ArrayList<>();
        List<Integer> refused = new ArrayList<>();
        for (long minute = last - MINUTES + 1; minute <= last; minute++) {
            minutes.add(minute * 60);
            Map<String, Integer> counts = events.getOrDefault(minute, Map.of());
            byType.forEach((type, series) -> series.add(counts.getOrDefault(type, 0)));
            int[] declinedThen = declines.getOrDefault(minute, new int[Decline.values().length]);
            declined.add(declinedThen[Decline.DECLINED.ordinal()]);
            refused.add(declinedThen[Decline.SENDER_REFUSED.ordinal()]);
        }
        return new View(minutes, byType, declined, refused);
    }

    /** The record's minute; a record stamped ahead of this clock counts now; -1 when older than the hour. */
    private static long minuteOf(long timestamp, Instant now) {
        long minute = Math.min(timestamp, now.toEpochMilli()) / 60_000;
        return minute <= now.getEpochSecond() / 60 - MINUTES ? -1 : minute;
    }

    private void forgetBefore(Instant now) {
        long oldest = now.getEpochSecond() / 60 - MINUTES + 1;
        events.headMap(oldest).clear();
        declines.headMap(oldest).clear();
    }

    private TreeSet<String> types() {
        TreeSet<String> types = new TreeSet<>();
        events.values().forEach(counts -> types.addAll(counts.keySet()));
        return types;
    }
}
