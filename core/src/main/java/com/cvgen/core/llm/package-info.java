/**
 * Structuring a CV with a large language model, behind the {@link com.cvgen.core.llm.LlmClient}
 * port: the prompt (the CV text as delimited data, never as instructions), the strict JSON schema
 * the model answers in (a subset of JSON Resume, {@code resume-strict-schema.json} in this
 * package's resources), the check of the answer, the merge with the offline structurer (contact
 * data read from the PDF text wins) and the fallback to the offline structurer. No HTTP client and
 * no vendor SDK here: the adapter lives in functions/.
 */
package com.cvgen.core.llm;
