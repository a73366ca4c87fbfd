package com.cvgen.local.serve;

import com.cvgen.core.json.Json;
import com.cvgen.local.durable.BackendStats;
import com.cvgen.local.durable.EmbeddedDurableBackend;
import com.cvgen.local.queue.EmbeddedQueue;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /_host/stats}: what the embedded host's durable backend and queue hold, for operators
 * and tests (instances by status, activity completions and any task whose completion was committed
 * more than once, queue depths). Answers callers on this machine only.
 */
final class HostStatsHandler extends Handler.Abstract {
  private final Supplier<EmbeddedDurableBackend> backend;
  private final Supplier<EmbeddedQueue> queue;

  HostStatsHandler(Supplier<EmbeddedDurableBackend> backend, Supplier<EmbeddedQueue> queue) {
    this.backend = backend;
    this.queue = queue;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!"/_host/stats".equals(request.getHttpURI().getPath())) return false;
    SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
    InetAddress address = remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    if (address == null || !address.isLoopbackAddress()) {
      response.setStatus(403);
      write(response, callback, Map.of("error", Map.of("code", "forbidden",
          "message", "host statistics are only shown to callers on this machine")));
      return true;
    }
    BackendStats d = backend.get().stats();
    Map<String, Object> durable = new LinkedHashMap<>();
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    d.instancesByStatus().forEach((k, v) -> byStatus.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
    durable.put("instances", byStatus);
    durable.put("activitiesCompleted", d.activitiesCompleted());
    durable.put("activitiesQueued", d.activitiesQueued());
    durable.put("timersPending", d.timersPending());
    durable.put("tasksWithCompletions", d.completionCommits().size());
    List<Map<String, Object>> repeated = new ArrayList<>();
    d.completionCommits().forEach((ref, n) -> {
      if (n > 1) repeated.add(Map.of("instanceId", ref.instanceId(), "taskId", ref.taskScheduledId(), "commits", n));
    });
    durable.put("tasksCompletedMoreThanOnce", repeated);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("durable", durable);
    body.put("queues", queue.get().stats());
    response.setStatus(200);
    write(response, callback, body);
    return true;
  }

  private static void write(Response response, Callback callback, Object body) throws Exception {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(Json.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8)),
        callback);
  }
}
