package com.cvgen.functions.azure.servicebus;

import com.azure.core.credential.TokenCredential;
import com.azure.core.util.BinaryData;
import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusMessage;
import com.azure.messaging.servicebus.ServiceBusSenderClient;
import com.cvgen.core.json.Json;
import com.cvgen.core.pipeline.JobQueue;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The upload's queue in Azure: sends each job to the Service Bus queue {@code cv-processing} with
 * the job id as message id (the queue's duplicate detection drops a repeated send) and the job's
 * correlation data as properties. Connects by identity ({@code fullyQualifiedNamespace} and a token
 * credential), never by a connection string with a key.
 */
public final class ServiceBusJobQueue implements JobQueue, AutoCloseable {
  private final Consumer<ServiceBusMessage> sender;
  private final AutoCloseable closer;

  /** Sends through {@code sender}: the SDK client in production. */
  ServiceBusJobQueue(Consumer<ServiceBusMessage> sender, AutoCloseable closer) {
    this.sender = sender;
    this.closer = closer;
  }

  /**
   * @param fullyQualifiedNamespace e.g. {@code cvgen-prod.servicebus.windows.net} (the setting
   *     {@code ServiceBusConnection__fullyQualifiedNamespace})
   */
  public static ServiceBusJobQueue connect(String fullyQualifiedNamespace, TokenCredential credential) {
    ServiceBusSenderClient client = new ServiceBusClientBuilder()
        .fullyQualifiedNamespace(fullyQualifiedNamespace)
        .credential(credential)
        .sender()
        .queueName(JobQueue.NAME)
        .buildClient();
    return new ServiceBusJobQueue(client::sendMessage, client::close);
  }

  @Override
  public void send(JobMessage job) throws IOException {
    try {
      sender.accept(message(job));
    } catch (RuntimeException e) {
      throw new IOException("the job could not be sent to the queue " + JobQueue.NAME + ": " + e.getMessage(), e);
    }
  }

  /** The message for a job: JSON body, message id = job id, the owner and job as properties. */
  static ServiceBusMessage message(JobMessage job) {
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(job);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a queue message", e);
    }
    ServiceBusMessage m = new ServiceBusMessage(BinaryData.fromBytes(body));
    m.setMessageId(job.jobId());
    m.setCorrelationId(job.jobId());
    m.setContentType("application/json");
    m.setSubject("cv-job");
    m.getApplicationProperties().put("jobId", job.jobId());
    m.getApplicationProperties().put("userId", job.userId());
    return m;
  }

  @Override
  public void close() throws Exception {
    closer.close();
  }
}
