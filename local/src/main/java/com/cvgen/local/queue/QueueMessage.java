package com.cvgen.local.queue;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One delivery of a queued message, as its handler sees it.
 *
 * @param queue the queue it was received from ({@code name/$deadletterqueue} for a dead letter)
 * @param messageId the sender's message id (duplicate detection works on it)
 * @param body the message body
 * @param applicationProperties the sender's properties; a dead letter also carries {@code
 *     DeadLetterReason} and {@code DeadLetterErrorDescription}
 * @param deliveryCount 1 at the first delivery, counted before the handler runs
 * @param enqueuedTime when the message was first sent
 * @param sequenceNumber the queue's number for the message, unique in the database
 */
public record QueueMessage(
    String queue,
    String messageId,
    String body,
    Map<String, String> applicationProperties,
    int deliveryCount,
    Instant enqueuedTime,
    long sequenceNumber) {
  public QueueMessage {
    Objects.requireNonNull(queue);
    Objects.requireNonNull(messageId);
    Objects.requireNonNull(body);
    applicationProperties = Map.copyOf(applicationProperties);
    Objects.requireNonNull(enqueuedTime);
  }
}
