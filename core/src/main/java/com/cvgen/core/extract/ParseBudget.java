package com.cvgen.core.extract;

import com.cvgen.core.CvInputException;
import com.cvgen.core.CvInputException.Code;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs one parse of an untrusted PDF on a worker thread under a time budget. The caller gets the
 * result, or a {@link Code#TOO_COMPLEX} error once the budget is spent, whatever the parse is doing.
 *
 * <p>Java cannot stop a thread, so on timeout the worker is interrupted and abandoned; it is a
 * daemon thread, so it never keeps the JVM alive. It also stops itself soon: the parse calls
 * {@link #check()} wherever it passes often (every read from the PDF's bytes goes through one), and
 * that throws once the budget is spent. A result the worker produces after it was abandoned is
 * handed to the {@code discard} callback (e.g. to close a document). Running out of heap or stack
 * inside the parse is reported as {@link Code#TOO_COMPLEX} too.
 */
final class ParseBudget {
  /** The work to run; it receives the budget to {@link #check()} as it goes. */
  @FunctionalInterface
  interface Task<T> {
    T run(ParseBudget budget);
  }

  private static final AtomicLong WORKERS = new AtomicLong();

  private final Duration limit;
  private volatile boolean spent;
  private volatile long deadline = Long.MAX_VALUE;
  private int checks;

  ParseBudget(Duration limit) {
    this.limit = limit;
  }

  /**
   * Throws {@link Code#TOO_COMPLEX} once the budget is spent, by the caller giving up or by the
   * clock (looked at on the first call and every 1024th after, so cheap enough to call per byte read).
   */
  void check() {
    if (!spent && (checks++ & 1023) == 0 && System.nanoTime() - deadline > 0) spent = true;
    if (spent) throw timedOut();
  }

  /** Runs {@code task} on a fresh daemon worker and waits at most the budget for its result. */
  <T> T run(Task<T> task, Consumer<? super T> discard) {
    deadline = System.nanoTime() + limit.toNanos();
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread worker = Thread.ofPlatform().daemon().name("cvgen-pdf-parse-" + WORKERS.incrementAndGet())
        .unstarted(() -> work(task, discard, result));
    worker.start();
    try {
      return result.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      if (!result.completeExceptionally(new CancellationException("parse budget spent"))) {
        return finished(result); // the worker finished at the last moment
      }
      abandon(worker);
      throw timedOut();
    } catch (InterruptedException e) {
      result.completeExceptionally(new CancellationException("caller interrupted"));
      abandon(worker);
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while reading the PDF");
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  private <T> void work(Task<T> task, Consumer<? super T> discard, CompletableFuture<T> result) {
    try {
      T value = task.run(this);
      if (!result.complete(value)) discard.accept(value);
    } catch (StackOverflowError e) {
      result.completeExceptionally(new CvInputException(Code.TOO_COMPLEX,
          "the PDF is too complex: its structure is nested too deeply to read", e));
    } catch (OutOfMemoryError e) {
      result.completeExceptionally(new CvInputException(Code.TOO_COMPLEX,
          "the PDF is too complex: reading it needs more memory than is available", e));
    } catch (Throwable t) {
      result.completeExceptionally(t);
    }
  }

  private static <T> T finished(CompletableFuture<T> result) {
    try {
      return result.join();
    } catch (CompletionException e) {
      throw rethrow(e.getCause());
    }
  }

  /** The worker's exception, unchanged, so that input errors and bugs reach the caller as they are. */
  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException runtime) throw runtime;
    if (cause instanceof Error error) throw error;
    throw new IllegalStateException("the PDF parse failed", cause); // tasks throw no checked exceptions
  }

  private CvInputException timedOut() {
    return new CvInputException(Code.TOO_COMPLEX,
        "the PDF is too complex: reading it takes longer than " + PdfLimits.duration(limit));
  }

  private void abandon(Thread worker) {
    spent = true;
    worker.interrupt();
  }
}
