/** The Azure Functions app: triggers, orchestrator, activities and Azure adapters (later issues). */
package com.cvgen.functions;
