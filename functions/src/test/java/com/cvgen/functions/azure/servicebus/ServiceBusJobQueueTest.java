package com.cvgen.functions.azure.servicebus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.messaging.servicebus.ServiceBusMessage;
import com.cvgen.core.json.Json;
import com.cvgen.core.pipeline.JobQueue;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Service Bus has no local server on this machine (no emulator can be installed here), so these
 * tests check what is sent: the message built for a job, and that a failing send becomes an
 * IOException the upload turns into a 503. The SDK client is built for real, without connecting.
 */
class ServiceBusJobQueueTest {
  @Test
  void aJobBecomesAMessageWithItsIdForDuplicateDetection() throws Exception {
    List<ServiceBusMessage> sent = new ArrayList<>();
    try (ServiceBusJobQueue queue = new ServiceBusJobQueue(sent::add, () -> {})) {
      queue.send(new JobQueue.JobMessage("0b7e3f1c-0000-4000-8000-000000000001", "alice"));
    }
    assertThat(sent).hasSize(1);
    ServiceBusMessage m = sent.get(0);
    assertThat(m.getMessageId()).isEqualTo("0b7e3f1c-0000-4000-8000-000000000001");
    assertThat(m.getCorrelationId()).isEqualTo(m.getMessageId());
    assertThat(m.getContentType()).isEqualTo("application/json");
    assertThat(m.getApplicationProperties()).containsEntry("userId", "alice")
        .containsEntry("jobId", "0b7e3f1c-0000-4000-8000-000000000001");
    JobQueue.JobMessage body = Json.mapper().readValue(m.getBody().toBytes(), JobQueue.JobMessage.class);
    assertThat(body).isEqualTo(new JobQueue.JobMessage("0b7e3f1c-0000-4000-8000-000000000001", "alice"));
  }

  @Test
  void aFailedSendIsAnIoError() {
    ServiceBusJobQueue queue = new ServiceBusJobQueue(m -> {
      throw new IllegalStateException("namespace unreachable");
    }, () -> {});
    assertThatThrownBy(() -> queue.send(new JobQueue.JobMessage("j", "u"))).isInstanceOf(IOException.class)
        .hasMessageContaining("cv-processing").hasMessageContaining("namespace unreachable");
  }

  @Test
  void theClientIsBuiltForTheNamespaceByIdentityWithoutConnecting() throws Exception {
    TokenCredential credential = request -> Mono.just(new AccessToken("t", OffsetDateTime.now().plusHours(1)));
    try (ServiceBusJobQueue queue = ServiceBusJobQueue.connect("cvgen-test.servicebus.windows.net", credential)) {
      assertThat(queue).isNotNull();
    }
  }
}
