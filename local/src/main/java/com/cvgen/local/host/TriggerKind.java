package com.cvgen.local.host;

/** What starts a function. */
public enum TriggerKind {
  HTTP, SERVICE_BUS_QUEUE, ORCHESTRATION, ACTIVITY
}
