package com.azalea.products.projection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Redis pub/sub channel {@code products:changed} on which {@link RedisMirror} announces, after it has
 * written them, the products whose documents it changed: {@code c <epoch ms> <admin write, epoch ms, or 0>
 * <id>,<id>,...}, the second time the earliest admin write among them when the projection followed
 * changes. Every instance
 * drops those products from its near cache. Instances also send themselves heartbeats on it,
 * {@code h <token>}, to know their subscription works. Classic pub/sub reaches the subscribers of every
 * node of a Redis Cluster.
 */
public final class ChangeAnnouncements {

    public static final byte[] CHANNEL = "products:changed".getBytes(StandardCharsets.US_ASCII);

    private ChangeAnnouncements() {
    }

    /** @param changedAt the earliest admin write the products' projection followed, or null (a rebuild, a repair) */
    public static byte[] changes(List<Long> productIds, Instant changedAt) {
        return ("c " + System.currentTimeMillis() + " " + (changedAt == null ? 0 : changedAt.toEpochMilli()) + " "
                + productIds.stream().map(String::valueOf).collect(Collectors.joining(","))).getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] heartbeat(String token) {
        return ("h " + token).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @return the announcement a message holds
     * @throws IllegalArgumentException if it is neither
     */
    public static Announcement parse(byte[] message) {
        String text = new String(message, StandardCharsets.US_ASCII);
        String[] parts = text.split(" ", 4);
        if (parts.length == 2 && parts[0].equals("h")) {
            return new Heartbeat(parts[1]);
        }
        if (parts.length == 4 && parts[0].equals("c")) {
            long[] ids = Arrays.stream(parts[3].split(",")).mapToLong(Long::parseLong).toArray();
            return new Changes(Long.parseLong(parts[1]), Long.parseLong(parts[2]), ids);
        }
        throw new IllegalArgumentException("not an announcement: " + text.substring(0, Math.min(40, text.length())));
    }

    public sealed interface Announcement permits Changes, Heartbeat {
    }

    /**
     * Products whose documents changed, announced at {@code announcedAt} (epoch ms, the mirror's clock),
     * following admin writes of which the earliest was at {@code changedAt} (0 when not).
     */
    public record Changes(long announcedAt, long changedAt, long[] productIds) implements Announcement {
    }

    public record Heartbeat(String token) implements Announcement {
    }
}
