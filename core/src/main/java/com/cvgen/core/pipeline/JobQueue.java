package com.cvgen.core.pipeline;

import java.io.IOException;

/**
 * The work queue the upload puts jobs on ({@code cv-processing}): Service Bus in Azure, the
 * embedded durable queue on one machine. The message id is the job id, so a repeated send is
 * recognised as a duplicate.
 */
public interface JobQueue {
  String NAME = "cv-processing";

  void send(JobMessage message) throws IOException;

  /** The queue message body: which job, whose. */
  record JobMessage(String jobId, String userId) {}
}
