package com.cvgen.local.queue;

/**
 * Message counts of one queue.
 *
 * @param active waiting for a delivery (including those backing off after a failure)
 * @param locked being delivered now
 * @param parked dead letters that used up their deliveries to the dead-letter trigger; they are
 *     not delivered again (only counted for a {@code /$deadletterqueue} queue)
 * @param deadLettered messages of this queue now in its dead-letter queue, in any state (0 for a
 *     dead-letter queue itself)
 */
public record QueueStats(int active, int locked, int parked, int deadLettered) {
  public static final QueueStats EMPTY = new QueueStats(0, 0, 0, 0);

  public int total() {
    return active + locked + parked;
  }
}
