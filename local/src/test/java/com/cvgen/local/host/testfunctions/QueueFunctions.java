package com.cvgen.local.host.testfunctions;

import com.google.gson.Gson;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.ServiceBusQueueTrigger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A queue trigger that fails the first {@code failTimes} deliveries of a message and a
 * dead-letter trigger that fails {@code dlqFailTimes} times; both record every delivery.
 */
public class QueueFunctions {
  public static final String QUEUE = "test-work";

  /** The message body. */
  public record Work(String key, int failTimes, int dlqFailTimes) {}

  /** What a trigger saw. */
  public record Delivery(String function, String key, String messageId, int deliveryCount,
      Map<String, Object> properties, String enqueuedTimeUtc, String invocationId, boolean failed) {}

  public final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

  @FunctionName("processWork")
  public void process(
      @ServiceBusQueueTrigger(name = "message", queueName = QUEUE, connection = "ServiceBusConnection") Work work,
      @BindingName("MessageId") String messageId,
      @BindingName("DeliveryCount") int deliveryCount,
      @BindingName("ApplicationProperties") Map<String, Object> properties,
      @BindingName("EnqueuedTimeUtc") String enqueued,
      ExecutionContext context) {
    boolean fail = deliveryCount <= work.failTimes();
    deliveries.add(new Delivery(context.getFunctionName(), work.key(), messageId, deliveryCount, properties, enqueued,
        context.getInvocationId(), fail));
    if (fail) throw new IllegalStateException("work " + work.key() + " failed at delivery " + deliveryCount);
  }

  @FunctionName("processDeadLetters")
  public void deadLetters(
      @ServiceBusQueueTrigger(name = "message", queueName = QUEUE + "/$deadletterqueue",
          connection = "ServiceBusConnection") String body,
      @BindingName("MessageId") String messageId,
      @BindingName("DeliveryCount") Integer deliveryCount,
      @BindingName("ApplicationProperties") Map<String, Object> properties,
      ExecutionContext context) {
    Work work = new Gson().fromJson(body, Work.class);
    boolean fail = deliveryCount <= work.dlqFailTimes();
    deliveries.add(new Delivery(context.getFunctionName(), work.key(), messageId, deliveryCount, properties, null,
        context.getInvocationId(), fail));
    if (fail) throw new IllegalStateException("dead letter " + work.key() + " failed");
  }
}
