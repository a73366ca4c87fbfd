package com.cvgen.local.durable;

import com.google.protobuf.StringValue;
import com.google.protobuf.Timestamp;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ExecutionCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ExecutionStartedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ExecutionTerminatedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationInstance;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationStatus;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorStartedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskFailureDetails;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskScheduledEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TimerCreatedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TimerFiredEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Instant;

/** Builders of the Durable Task protocol's history events, statuses and failure details. */
final class Events {
  private Events() {}

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  static Timestamp timestamp(long epochMillis) {
    return timestamp(Instant.ofEpochMilli(epochMillis));
  }

  /** Milliseconds since the epoch, rounded down. */
  static long millis(Timestamp ts) {
    return Math.floorDiv(ts.getSeconds() * 1_000_000_000L + ts.getNanos(), 1_000_000L);
  }

  private static HistoryEvent.Builder event(int eventId, long atMillis) {
    return HistoryEvent.newBuilder().setEventId(eventId).setTimestamp(timestamp(atMillis));
  }

  static StringValue text(String s) {
    return StringValue.of(s);
  }

  /** The value of an optional string field: null when absent. */
  static String value(boolean present, StringValue v) {
    return present ? v.getValue() : null;
  }

  static HistoryEvent orchestratorStarted(long atMillis) {
    return event(-1, atMillis).setOrchestratorStarted(OrchestratorStartedEvent.getDefaultInstance()).build();
  }

  static HistoryEvent executionStarted(
      String instanceId, String executionId, String name, String input, long atMillis) {
    ExecutionStartedEvent.Builder b =
        ExecutionStartedEvent.newBuilder()
            .setName(name)
            .setOrchestrationInstance(
                OrchestrationInstance.newBuilder().setInstanceId(instanceId).setExecutionId(text(executionId)));
    if (input != null) b.setInput(text(input));
    return event(-1, atMillis).setExecutionStarted(b).build();
  }

  static HistoryEvent taskScheduled(int id, String name, String input, long atMillis) {
    TaskScheduledEvent.Builder b = TaskScheduledEvent.newBuilder().setName(name);
    if (input != null) b.setInput(text(input));
    return event(id, atMillis).setTaskScheduled(b).build();
  }

  static HistoryEvent taskCompleted(int taskScheduledId, String result, long atMillis) {
    TaskCompletedEvent.Builder b = TaskCompletedEvent.newBuilder().setTaskScheduledId(taskScheduledId);
    if (result != null) b.setResult(text(result));
    return event(-1, atMillis).setTaskCompleted(b).build();
  }

  static HistoryEvent taskFailed(int taskScheduledId, TaskFailureDetails details, long atMillis) {
    return event(-1, atMillis)
        .setTaskFailed(TaskFailedEvent.newBuilder().setTaskScheduledId(taskScheduledId).setFailureDetails(details))
        .build();
  }

  static HistoryEvent timerCreated(int id, Timestamp fireAt, long atMillis) {
    return event(id, atMillis).setTimerCreated(TimerCreatedEvent.newBuilder().setFireAt(fireAt)).build();
  }

  static HistoryEvent timerFired(int timerId, Timestamp fireAt, long atMillis) {
    return event(-1, atMillis)
        .setTimerFired(TimerFiredEvent.newBuilder().setTimerId(timerId).setFireAt(fireAt))
        .build();
  }

  static HistoryEvent executionTerminated(String output, long atMillis) {
    ExecutionTerminatedEvent.Builder b = ExecutionTerminatedEvent.newBuilder();
    if (output != null) b.setInput(text(output));
    return event(-1, atMillis).setExecutionTerminated(b).build();
  }

  static HistoryEvent executionCompleted(
      OrchestrationRuntimeStatus status, String output, TaskFailureDetails failure, long atMillis) {
    ExecutionCompletedEvent.Builder b = ExecutionCompletedEvent.newBuilder().setOrchestrationStatus(toProto(status));
    if (output != null) b.setResult(text(output));
    if (failure != null) b.setFailureDetails(failure);
    return event(-1, atMillis).setExecutionCompleted(b).build();
  }

  static OrchestrationStatus toProto(OrchestrationRuntimeStatus status) {
    return OrchestrationStatus.valueOf("ORCHESTRATION_STATUS_" + status.name());
  }

  static OrchestrationRuntimeStatus fromProto(OrchestrationStatus status) {
    String name = status.name();
    String prefix = "ORCHESTRATION_STATUS_";
    if (!name.startsWith(prefix)) throw new IllegalArgumentException("unknown orchestration status " + status);
    return OrchestrationRuntimeStatus.valueOf(name.substring(prefix.length()));
  }

  static boolean isTerminal(OrchestrationRuntimeStatus status) {
    return status == OrchestrationRuntimeStatus.COMPLETED
        || status == OrchestrationRuntimeStatus.FAILED
        || status == OrchestrationRuntimeStatus.TERMINATED
        || status == OrchestrationRuntimeStatus.CANCELED;
  }

  /** The exception behind reflection wrappers. */
  static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof InvocationTargetException || e instanceof UndeclaredThrowableException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** Failure details of an exception, the way the SDK reports them (class name, message, stack). */
  static TaskFailureDetails failure(Throwable t) {
    Throwable e = unwrap(t);
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    TaskFailureDetails.Builder b =
        TaskFailureDetails.newBuilder()
            .setErrorType(e.getClass().getName())
            .setErrorMessage(e.getMessage() != null ? e.getMessage() : e.toString())
            .setStackTrace(text(trace.toString()));
    return b.build();
  }

  /** Failure details without an exception: the backend's own verdict. */
  static TaskFailureDetails failure(String errorType, String message, boolean nonRetriable) {
    return TaskFailureDetails.newBuilder()
        .setErrorType(errorType)
        .setErrorMessage(message)
        .setStackTrace(text(""))
        .setIsNonRetriable(nonRetriable)
        .build();
  }
}
