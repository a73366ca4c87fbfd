package com.cvgen.local.durable;

import com.cvgen.local.durable.DurableStore.ChangeResult;
import com.cvgen.local.durable.DurableStore.HaltedException;
import com.cvgen.local.durable.DurableStore.InstanceRow;
import com.cvgen.local.durable.DurableStore.StartResult;
import com.google.protobuf.Empty;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CreateInstanceRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.CreateInstanceResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.GetInstanceRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.GetInstanceResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.InstanceQuery;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationState;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationStatus;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.PurgeInstanceFilter;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.PurgeInstancesRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.PurgeInstancesResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.QueryInstancesRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.QueryInstancesResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.RaiseEventRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.RaiseEventResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TerminateRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TerminateResponse;
import com.microsoft.durabletask.implementation.protobuf.TaskHubSidecarServiceGrpc;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client half of the Durable Task sidecar protocol, as used by the SDK's {@code
 * DurableTaskGrpcClient}: start, get, wait for start/completion, terminate, raise event, query,
 * purge. The worker half (GetWorkItems, Complete*Task), suspend/resume/rewind and task hub
 * management answer UNIMPLEMENTED (the base class's default).
 */
final class SidecarService extends TaskHubSidecarServiceGrpc.TaskHubSidecarServiceImplBase {
  private static final Logger log = LoggerFactory.getLogger(SidecarService.class);
  private static final int DEFAULT_QUERY_PAGE = 100;
  private static final long WAIT_POLL_MILLIS = 1_000;

  private final EmbeddedDurableBackend backend;
  private final DurableStore store;

  SidecarService(EmbeddedDurableBackend backend, DurableStore store) {
    this.backend = backend;
    this.store = store;
  }

  @Override
  public void hello(Empty request, StreamObserver<Empty> out) {
    answer(out, Empty::getDefaultInstance);
  }

  @Override
  public void startInstance(CreateInstanceRequest request, StreamObserver<CreateInstanceResponse> out) {
    answer(
        out,
        () -> {
          if (request.getName().isEmpty()) {
            throw Status.INVALID_ARGUMENT.withDescription("an orchestrator name is required").asRuntimeException();
          }
          if (request.hasScheduledStartTimestamp()) {
            throw Status.UNIMPLEMENTED
                .withDescription("scheduled start times are not supported by the embedded durable backend")
                .asRuntimeException();
          }
          String id = request.getInstanceId().isEmpty() ? UUID.randomUUID().toString() : request.getInstanceId();
          String input = Events.value(request.hasInput(), request.getInput());
          if (backend.startInstance(id, request.getName(), input) == StartResult.ALREADY_EXISTS) {
            throw Status.ALREADY_EXISTS
                .withDescription("An orchestration instance with ID '" + id + "' already exists and has not finished")
                .asRuntimeException();
          }
          return CreateInstanceResponse.newBuilder().setInstanceId(id).build();
        });
  }

  @Override
  public void getInstance(GetInstanceRequest request, StreamObserver<GetInstanceResponse> out) {
    answer(out, () -> response(store.instance(request.getInstanceId()), request.getGetInputsAndOutputs()));
  }

  @Override
  public void waitForInstanceStart(GetInstanceRequest request, StreamObserver<GetInstanceResponse> out) {
    waitFor(request, out, row -> row.status() != OrchestrationRuntimeStatus.PENDING);
  }

  @Override
  public void waitForInstanceCompletion(GetInstanceRequest request, StreamObserver<GetInstanceResponse> out) {
    waitFor(
        request,
        out,
        row -> Events.isTerminal(row.status()) || row.status() == OrchestrationRuntimeStatus.CONTINUED_AS_NEW);
  }

  /**
   * Waits on the server until the instance satisfies {@code done} (or does not exist), within the
   * call's deadline; the client reports DEADLINE_EXCEEDED as a TimeoutException.
   */
  private void waitFor(
      GetInstanceRequest request, StreamObserver<GetInstanceResponse> out, Predicate<InstanceRow> done) {
    answer(
        out,
        () -> {
          Context context = Context.current();
          Deadline deadline = context.getDeadline();
          while (true) {
            long seen = backend.changeVersion();
            InstanceRow row = store.instance(request.getInstanceId());
            if (row == null || done.test(row)) return response(row, request.getGetInputsAndOutputs());
            if (context.isCancelled()) throw Status.CANCELLED.withDescription("the call was cancelled").asRuntimeException();
            if (backend.closing()) throw Status.UNAVAILABLE.withDescription("the durable backend is stopping").asRuntimeException();
            long wait = WAIT_POLL_MILLIS;
            if (deadline != null) {
              long left = deadline.timeRemaining(TimeUnit.MILLISECONDS);
              if (left <= 0) throw Status.DEADLINE_EXCEEDED.asRuntimeException();
              wait = Math.min(wait, left);
            }
            try {
              backend.awaitChange(seen, wait);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
            }
          }
        });
  }

  @Override
  public void terminateInstance(TerminateRequest request, StreamObserver<TerminateResponse> out) {
    answer(
        out,
        () -> {
          String output = Events.value(request.hasOutput(), request.getOutput());
          ChangeResult r = backend.terminateWithOutput(request.getInstanceId(), output);
          if (r == ChangeResult.NOT_FOUND) throw notFound(request.getInstanceId());
          return TerminateResponse.getDefaultInstance(); // terminating a finished instance does nothing
        });
  }

  @Override
  public void raiseEvent(RaiseEventRequest request, StreamObserver<RaiseEventResponse> out) {
    answer(
        out,
        () -> {
          String input = Events.value(request.hasInput(), request.getInput());
          ChangeResult r = backend.raiseEvent(request.getInstanceId(), request.getName(), input);
          if (r == ChangeResult.NOT_FOUND) throw notFound(request.getInstanceId());
          if (r == ChangeResult.NOT_RUNNING) {
            log.debug("event '{}' for finished orchestration {} dropped", request.getName(), request.getInstanceId());
          }
          return RaiseEventResponse.getDefaultInstance();
        });
  }

  @Override
  public void queryInstances(QueryInstancesRequest request, StreamObserver<QueryInstancesResponse> out) {
    answer(
        out,
        () -> {
          InstanceQuery q = request.getQuery();
          List<OrchestrationRuntimeStatus> statuses = statuses(q.getRuntimeStatusList());
          int limit = q.getMaxInstanceCount() > 0 ? q.getMaxInstanceCount() : DEFAULT_QUERY_PAGE;
          List<InstanceRow> rows =
              store.query(
                  statuses,
                  q.hasCreatedTimeFrom() ? Events.millis(q.getCreatedTimeFrom()) : null,
                  q.hasCreatedTimeTo() ? Events.millis(q.getCreatedTimeTo()) : null,
                  q.hasInstanceIdPrefix() ? q.getInstanceIdPrefix().getValue() : null,
                  q.hasContinuationToken() ? q.getContinuationToken().getValue() : null,
                  limit);
          QueryInstancesResponse.Builder b = QueryInstancesResponse.newBuilder();
          for (InstanceRow row : rows) b.addOrchestrationState(state(row, q.getFetchInputsAndOutputs()));
          if (rows.size() == limit) b.setContinuationToken(Events.text(rows.get(rows.size() - 1).instanceId()));
          return b.build();
        });
  }

  @Override
  public void purgeInstances(PurgeInstancesRequest request, StreamObserver<PurgeInstancesResponse> out) {
    answer(
        out,
        () -> {
          int deleted;
          if (request.hasPurgeInstanceFilter()) {
            PurgeInstanceFilter f = request.getPurgeInstanceFilter();
            deleted =
                store.purge(
                    statuses(f.getRuntimeStatusList()),
                    f.hasCreatedTimeFrom() ? Events.millis(f.getCreatedTimeFrom()) : null,
                    f.hasCreatedTimeTo() ? Events.millis(f.getCreatedTimeTo()) : null);
          } else {
            ChangeResult r = store.purge(request.getInstanceId());
            if (r == ChangeResult.NOT_RUNNING) {
              throw Status.FAILED_PRECONDITION
                  .withDescription(
                      "orchestration instance '" + request.getInstanceId() + "' has not finished; terminate it first")
                  .asRuntimeException();
            }
            deleted = r == ChangeResult.DONE ? 1 : 0;
          }
          return PurgeInstancesResponse.newBuilder().setDeletedInstanceCount(deleted).build();
        });
  }

  // ---- helpers ---------------------------------------------------------------------------

  private static List<OrchestrationRuntimeStatus> statuses(List<OrchestrationStatus> proto) {
    List<OrchestrationRuntimeStatus> statuses = new ArrayList<>();
    for (OrchestrationStatus s : proto) {
      if (s != OrchestrationStatus.UNRECOGNIZED) statuses.add(Events.fromProto(s));
    }
    return statuses;
  }

  private static StatusRuntimeException notFound(String instanceId) {
    return Status.NOT_FOUND
        .withDescription("No orchestration instance with ID '" + instanceId + "' was found")
        .asRuntimeException();
  }

  private static GetInstanceResponse response(InstanceRow row, boolean inputsAndOutputs) {
    if (row == null) return GetInstanceResponse.newBuilder().setExists(false).build();
    return GetInstanceResponse.newBuilder().setExists(true).setOrchestrationState(state(row, inputsAndOutputs)).build();
  }

  static OrchestrationState state(InstanceRow row, boolean inputsAndOutputs) {
    OrchestrationState.Builder b =
        OrchestrationState.newBuilder()
            .setInstanceId(row.instanceId())
            .setName(row.name())
            .setOrchestrationStatus(Events.toProto(row.status()))
            .setCreatedTimestamp(Events.timestamp(row.createdAt()))
            .setLastUpdatedTimestamp(Events.timestamp(row.updatedAt()));
    if (inputsAndOutputs) {
      if (row.input() != null) b.setInput(Events.text(row.input()));
      if (row.output() != null) b.setOutput(Events.text(row.output()));
      if (row.customStatus() != null) b.setCustomStatus(Events.text(row.customStatus()));
    }
    if (row.failure() != null) b.setFailureDetails(row.failure());
    return b.build();
  }

  /** Answers with {@code work}'s value, or with the status it throws (INTERNAL for bugs). */
  private static <T> void answer(StreamObserver<T> out, Supplier<T> work) {
    T value;
    try {
      value = work.get();
    } catch (StatusRuntimeException e) {
      out.onError(e);
      return;
    } catch (HaltedException e) {
      out.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
      return;
    } catch (RuntimeException e) {
      log.warn("durable task request failed", e);
      out.onError(Status.INTERNAL.withDescription(e.toString()).withCause(e).asRuntimeException());
      return;
    }
    out.onNext(value);
    out.onCompleted();
  }
}
