package com.cvgen.local.queue;

/** Receives the messages of one queue; throwing abandons the delivery (the message comes back). */
@FunctionalInterface
public interface MessageHandler {
  void handle(QueueMessage message) throws Exception;
}
